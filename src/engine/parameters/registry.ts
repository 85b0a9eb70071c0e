/**
 * The scenario parameters as data: the one registry that the projection engine,
 * DK.HOUSINGFIRSTPROJECTION, the Scenarier sheet and the templates (issue 6) all read.
 *
 * Each parameter has the Danish name users type in the first column of a two-column parameter
 * range ("Vækst i indskrivninger"), an English alias, a label, a unit, a default, the allowed
 * range, and the source of the default. Percentages are fractions as Excel stores them: a cell
 * showing 3,5 % holds 0.035. The ids and the type of a parameter set are read from this data
 * (`as const satisfies`), so a parameter is added here and nowhere else.
 */
import type { UserGroup } from "../userGroups";
import type { Capitalised, ParameterSpec, ReturnQuantity } from "./definition";

const SBST = "Social- og Boligstyrelsen";

/**
 * The reserve for a register too short to estimate who comes back (fewer than two years of
 * admissions, or too few citizens in a group and in all groups together), with its source.
 */
const RETURN_RESERVE: Record<
  ReturnQuantity,
  { value: number; low: number; high: number; source: string }
> = {
  next: {
    value: 0.5,
    low: 1 / 3,
    high: 2 / 3,
    source:
      "Reserve: Ankestyrelsen, Botilbudsstatistik 2014: ca. en tredjedel af årets brugere er førstegangsbrugere, så højst ca. to tredjedele af et års brugere kan være kommet igen; reserven er midtpunktet mellem en og to tredjedele",
  },
  afterGap: {
    value: 0.1,
    low: 0,
    high: 0.2,
    source:
      "Reserve (antagelse): chancen for at komme igen efter et år eller mere uden ophold er langt mindre end året efter; Danmarks Statistik (Herberger og forsorgshjem 2020) fandt stor udskiftning blandt brugerne 2015-2020",
  },
  nights: {
    value: 1,
    low: 0.8,
    high: 1.2,
    source: "Reserve (antagelse): den, der kommer igen, har lige så mange døgn som sidst",
  },
};

const RETURN_GROUPS: Record<UserGroup, { da: string; en: string }> = {
  chronic: { da: "kroniske", en: "chronic" },
  episodic: { da: "episodiske", en: "episodic" },
  transitional: { da: "forbigående", en: "transitional" },
};

const capitalised = <T extends string>(text: T) =>
  `${text[0].toUpperCase()}${text.slice(1)}` as Capitalised<T>;

/** The parameter that holds a quantity of who comes back for a user group. */
export const returnParameterId = (group: UserGroup, quantity: ReturnQuantity): ReturnParameterId =>
  `return${capitalised(quantity)}${capitalised(group)}`;

/** The id of a parameter of who comes back: a quantity for a user group ("returnNextChronic"). */
export type ReturnParameterId = `return${Capitalised<ReturnQuantity>}${Capitalised<UserGroup>}`;

/** A parameter of who comes back: estimated from the register when blank, so no default. */
type ReturnParameterSpec = ParameterSpec & { id: ReturnParameterId; default: null };

/** The nine parameters of who comes back: three quantities for each user group. */
function returnParameters(): ReturnParameterSpec[] {
  const kinds = {
    next: {
      name: "Tilbage året efter",
      alias: "Back the next year",
      short: { da: "Tilbage året efter", en: "Back next year" },
      unit: "%",
      max: 1,
      label: (g: { da: string; en: string }) => ({
        da: `Chancen for, at en af årets ${g.da} brugere er på herberg igen året efter (tom = skønnet ud fra kommunens egne ophold)`,
        en: `The chance that one of the year's ${g.en} users is in a shelter again the next year (blank = estimated from the municipality's own stays)`,
      }),
    },
    afterGap: {
      name: "Tilbage efter pause",
      alias: "Back after a gap",
      short: { da: "Tilbage efter pause", en: "Back after a gap" },
      unit: "%",
      max: 1,
      label: (g: { da: string; en: string }) => ({
        da: `Chancen for, at en af de ${g.da} brugere, der ikke var på herberg året før, kommer igen i et år (tom = skønnet ud fra kommunens egne ophold)`,
        en: `The chance that a ${g.en} user who was not in a shelter the year before comes back in a year (blank = estimated from the municipality's own stays)`,
      }),
    },
    nights: {
      name: "Døgn ved tilbagevenden",
      alias: "Nights on return",
      short: { da: "Døgn ved tilbagevenden", en: "Nights on return" },
      unit: "faktor",
      max: 5,
      label: (g: { da: string; en: string }) => ({
        da: `De ${g.da} brugeres døgn det år, de kommer igen, i forhold til deres døgn sidst (tom = skønnet ud fra kommunens egne ophold)`,
        en: `The ${g.en} users' nights in the year they come back, relative to their nights the last time (blank = estimated from the municipality's own stays)`,
      }),
    },
  } as const;
  return (["chronic", "episodic", "transitional"] as const).flatMap((group) =>
    (["next", "afterGap", "nights"] as const).map((quantity): ReturnParameterSpec => {
      const kind = kinds[quantity];
      const g = RETURN_GROUPS[group];
      return {
        id: returnParameterId(group, quantity),
        name: `${kind.name}: ${g.da}`,
        alias: `${kind.alias}: ${g.en}`,
        label: kind.label(g),
        short: { da: `${kind.short.da}, ${g.da}`, en: `${kind.short.en}, ${g.en}` },
        unit: kind.unit,
        default: null,
        min: { value: 0 },
        max: { value: kind.max },
        integer: false,
        group: "returns",
        source:
          "Kommunens egne ophold, når cellen er tom: andelen af gruppens brugere i ét år, der er indskrevet igen, talt over registrets år, med spænd fra en bootstrap over borgerne (docs/model.md, afsnit 3)",
        uncertain: true,
        optional: true,
        estimated: { group, quantity, reserve: RETURN_RESERVE[quantity] },
      };
    })
  );
}

/** Written where a default of 0 stands for a cost only the municipality can know. */
const FILL_IN = "UDFYLD: 0 er kun en pladsholder, ikke et skøn;";

/**
 * The rest of the bill (issue 20): who pays each and which view counts it is in docs/model.md
 * (section 5). Optional: parameter ranges made before keep working with these defaults.
 */
const COST_PARAMETERS = [
  {
    id: "housingBenefit",
    name: "Boligstøtte pr. bolig",
    alias: "Housing benefit per dwelling",
    label: {
      da: "Boligstøtte (boligsikring) pr. boligplaceret borger pr. år, stat og kommune i alt",
      en: "Housing benefit per housed citizen per year, state and municipality together",
    },
    short: { da: "Boligstøtte", en: "Benefit" },
    unit: "kr./år",
    default: 14_100,
    min: { value: 0 },
    max: { value: 1_000_000 },
    integer: false,
    group: "housingFirst",
    source:
      "Danmarks Statistik: husstande med boligsikring fik i gennemsnit 1.175 kr. i december 2010 (12 × 1.175 kr.); en borger på herberg får ingen boligstøtte, i egen bolig typisk boligsikring",
    range: {
      low: 7_050,
      high: 21_150,
      source:
        "Antagelse: halvdelen til halvanden gang landsgennemsnittet, symmetrisk om standarden",
    },
    uncertain: true,
    optional: true,
  },
  {
    id: "housingBenefitMunicipalShare",
    name: "Kommunens andel af boligstøtten",
    alias: "Municipal share of housing benefit",
    label: {
      da: "Den andel af boligstøtten, kommunen selv finansierer (resten betaler staten)",
      en: "The share of the housing benefit the municipality finances itself (the state pays the rest)",
    },
    short: { da: "Boligstøtte, kommunens andel", en: "Benefit, municipal share" },
    unit: "%",
    default: 0.5,
    min: { value: 0 },
    max: { value: 1 },
    integer: false,
    group: "housingFirst",
    source: `${FILL_IN.replace("0 er kun en pladsholder", "50 % er kun en pladsholder")} boligstøtteloven fastsætter fordelingen mellem stat og kommune; skriv kommunens egen andel`,
    range: { low: 0.25, high: 0.75, source: "Antagelse: symmetrisk om pladsholderen" },
    uncertain: true,
    optional: true,
  },
  {
    id: "caseManagement",
    name: "Sagsbehandling pr. borger",
    alias: "Case management per citizen",
    label: {
      da: "Kommunens sagsbehandling og koordinering pr. boligplaceret borger pr. år ud over bostøtten",
      en: "The municipality's case management and coordination per housed citizen per year beyond the support",
    },
    short: { da: "Sagsbehandling", en: "Case management" },
    unit: "kr./år",
    default: 0,
    min: { value: 0 },
    max: { value: 1_000_000 },
    integer: false,
    group: "housingFirst",
    source: `${FILL_IN} kommunens egen udgift til sagsbehandlere og koordinering (fx timer × timepris); den er ikke med i Social- og Boligstyrelsens 40.000-130.000 kr. for selve støtten`,
    range: {
      low: 0,
      high: 20_000,
      source:
        "Antagelse: fra ingen ekstra udgift til 20.000 kr.; asymmetrisk, fordi en udgift ikke kan være negativ",
    },
    uncertain: true,
    optional: true,
  },
  {
    id: "depositCost",
    name: "Indskud og garanti pr. flytning",
    alias: "Deposit and guarantee per move",
    label: {
      da: "Kommunens forventede tab pr. flytning på beboerindskudslån og garanti for istandsættelse (almenboligloven § 59)",
      en: "The municipality's expected loss per move on deposit loans and the repair guarantee (almenboligloven § 59)",
    },
    short: { da: "Indskud og garanti", en: "Deposit" },
    unit: "kr.",
    default: 0,
    min: { value: 0 },
    max: { value: 10_000_000 },
    integer: false,
    group: "housingFirst",
    source: `${FILL_IN} kommunen yder lån til beboerindskud og garanterer for istandsættelse ved fraflytning fra boliger, den anviser efter almenboligloven § 59; skriv det forventede tab pr. flytning`,
    range: {
      low: 0,
      high: 20_000,
      source: "Antagelse: asymmetrisk, fordi et tab ikke kan være negativt",
    },
    uncertain: true,
    optional: true,
  },
  {
    id: "furnishing",
    name: "Indbo og etablering pr. flytning",
    alias: "Furnishing per move",
    label: {
      da: "Kommunens udgift til indbo og etablering pr. borger, der flytter i egen bolig (fx enkeltydelser)",
      en: "The municipality's cost of furnishing and settling in per citizen who moves to own home",
    },
    short: { da: "Indbo", en: "Furnishing" },
    unit: "kr.",
    default: 0,
    min: { value: 0 },
    max: { value: 10_000_000 },
    integer: false,
    group: "housingFirst",
    source: `${FILL_IN} kommunens egen udgift til indbo og etablering pr. flytning`,
    range: {
      low: 0,
      high: 20_000,
      source: "Antagelse: asymmetrisk, fordi en udgift ikke kan være negativ",
    },
    uncertain: true,
    optional: true,
  },
  {
    id: "dwellingCost",
    name: "Boligens offentlige udgift pr. år",
    alias: "Public cost of the dwelling per year",
    label: {
      da: "Det offentliges udgift til selve boligen pr. bolig pr. år (fx støtte til en ny billig bolig); kun i den samfundsøkonomiske opgørelse",
      en: "The public sector's cost of the dwelling itself per dwelling per year (e.g. support for a new cheap dwelling); in the public-sector view only",
    },
    short: { da: "Boligens udgift", en: "Dwelling cost" },
    unit: "kr./år",
    default: 0,
    min: { value: 0 },
    max: { value: 1_000_000 },
    integer: false,
    group: "views",
    source: `${FILL_IN} 0 for en eksisterende almen bolig, som kommunen anviser (almenboligloven § 59, stk. 1); for en ny billig bolig fx Fonden for Blandede Byers ca. 450.000 kr. pr. bolig (seed) fordelt over boligens levetid`,
    range: {
      low: 0,
      high: 19_200,
      source:
        "450.000 kr. pr. ny bolig (Fonden for Blandede Byer, seed) som annuitet over 50 år til 3,5 %; asymmetrisk, fordi udgiften ikke kan være negativ",
    },
    uncertain: false,
    optional: true,
  },
] as const satisfies readonly ParameterSpec[];

/** The projection, Housing First, the user typology and the views, in the sheet's order. */
const MAIN_PARAMETERS = [
  {
    id: "baseYear",
    name: "Basisår",
    alias: "Base year",
    label: {
      da: "Basisår (tom = sidste hele kalenderår i data)",
      en: "Base year (blank = last full calendar year in the data)",
    },
    short: { da: "Basisår", en: "Base year" },
    unit: "årstal",
    default: null,
    min: { value: 1901 },
    max: { value: 9998 },
    integer: true,
    group: "projection",
    source:
      "Projektets standard: basisårets forløb genafspilles; tom = sidste hele kalenderår i opholdsdata",
    uncertain: false,
  },
  {
    id: "horizon",
    name: "Horisont",
    alias: "Horizon",
    label: { da: "Antal fremskrivningsår", en: "Years projected" },
    short: { da: "Horisont", en: "Horizon" },
    unit: "år",
    default: 5,
    min: { value: 1 },
    max: { value: 30 },
    integer: true,
    group: "projection",
    source:
      "Projektets standard: 5 år (budgetår + overslagsår). Komponents analyse for Hjørring (webinar juni 2023) regner over 10 år",
    range: {
      low: 3,
      high: 10,
      source:
        "Antagelse: budgetår og overslagsår (4 år) som det korte; Komponents analyse for Hjørring (seed) og SØM regner over op til 10 år",
    },
    decision: true,
    uncertain: false,
  },
  {
    id: "discountRate",
    name: "Diskonteringsrente",
    alias: "Discount rate",
    label: {
      da: "Kommunens diskonteringsrente pr. år, real (budgettet regner nominelt: renten lægges sammen med prisreguleringen)",
      en: "The municipality's discount rate per year, real (the budget case is nominal: the rate is combined with the price indexation)",
    },
    short: { da: "Diskonteringsrente", en: "Discount rate" },
    unit: "%",
    default: 0.035,
    min: { value: 0 },
    max: { value: 0.25 },
    integer: false,
    group: "housingFirst",
    source:
      "Finansministeriets samfundsøkonomiske diskonteringsrente: 3,5 % for år 0-35 (Dokumentationsnotat, 7. januar 2021; Vejledning i samfundsøkonomiske konsekvensvurderinger, juni 2023)",
    range: {
      low: 0.025,
      high: 0.045,
      source:
        "Finansministeriet, «Dokumentationsnotat – den samfundsøkonomiske diskonteringsrente» (7. januar 2021) og «Vejledning i samfundsøkonomiske konsekvensvurderinger» (juni 2023): 2,5 % er satsen for år 36-70; 4 % var satsen 2013-2020; symmetrisk om 3,5 %",
    },
    uncertain: false,
  },
  {
    id: "admissionGrowth",
    name: "Vækst i indskrivninger",
    alias: "Admission growth",
    label: { da: "Vækst i indskrivninger pr. år", en: "Growth in admissions per year" },
    short: { da: "Vækst i indskrivninger", en: "Admission growth" },
    unit: "%",
    default: 0,
    min: { value: -1, exclusive: true },
    max: { value: 1 },
    integer: false,
    group: "projection",
    source:
      "Projektets standard: uændret niveau. Landstal (Ankestyrelsen, § 110-statistik): ca. 6.300-7.000 personer og 13.500-15.800 ophold om året",
    range: {
      low: -0.02,
      high: 0.02,
      source:
        "Ankestyrelsen og Danmarks Statistik, brugere af § 110-boformer: ca. +1,7 % om året 2015-2022 og ca. -1 % om året 2009-2013 (databrud i 2021); symmetrisk om standarden 0, så begge ligger inden for",
    },
    uncertain: true,
  },
  {
    id: "stayLengthChange",
    name: "Ændring i opholdslængde",
    alias: "Change in stay length",
    label: { da: "Ændring i opholdslængde pr. år", en: "Change in stay length per year" },
    short: { da: "Opholdslængde", en: "Stay length" },
    unit: "%",
    default: 0,
    min: { value: -1, exclusive: true },
    max: { value: 1 },
    integer: false,
    group: "projection",
    source:
      "Projektets standard: uændret. Seed (webinar juni 2023): i én kommune varede 47 % af opholdene over 90 dage og 41 % over 120 dage",
    range: {
      low: -0.025,
      high: 0.025,
      source:
        "Ankestyrelsen og Danmarks Statistik: overnatninger pr. bruger steg fra 102 (2010) til 129 (2020), ca. +2,4 % om året; symmetrisk om standarden 0 med den historiske stigning som den høje ende",
    },
    uncertain: true,
  },
  {
    id: "rateIndexation",
    name: "Takstregulering",
    alias: "Rate indexation",
    label: {
      da: "Regulering pr. år af takst, egenbetaling, bostøtte, huslejetilskud og engangsudgift",
      en: "Indexation per year of daily rates, self-payment, support, rent subsidy and one-off cost",
    },
    short: { da: "Takstregulering", en: "Rate indexation" },
    unit: "%",
    default: 0.02,
    // -10 % to 50 % a year: wider than any year of Danish price history since the 1970s, and
    // inside what the model can answer. Deflation of more than 10 % a year for decades shrinks a
    // daily rate to a few øre, and the rounding to whole øre that the law's amounts get decides
    // the figures (at -30 % a year over 30 years the public-sector value, in fixed prices, moves
    // by 100 000 kr. on the demo; a switching value near -100 % was such rounding, not economics).
    // At 50 % and the highest discount rate (25 %) the budget case's nominal rate is 87,5 %, below
    // the 100 % a year that the investment case refuses as a typed unit mistake.
    min: { value: -0.1 },
    max: { value: 0.5 },
    integer: false,
    group: "projection",
    source:
      "Pris- og lønfremskrivning: 2 % om året. Danmarks Nationalbanks fastkurspolitik binder dansk inflation til euroområdets, hvor ECB's mål er 2 %; skriv kommunens egen fremskrivning (0 = faste priser)",
    range: {
      low: 0.01,
      high: 0.03,
      source: "Antagelse: ét procentpoint under og over ECB's mål på 2 %, symmetrisk",
    },
    uncertain: true,
  },
  {
    id: "shareMoved",
    name: "Andel lange ophold i egen bolig",
    alias: "Share of long stays housed",
    label: {
      da: "Andel af de lange ophold, der afsluttes ved tærsklen med flytning til egen bolig",
      en: "Share of long stays that end at the threshold with a move to own home",
    },
    short: { da: "Andel i egen bolig", en: "Share housed" },
    unit: "%",
    default: 0.5,
    min: { value: 0 },
    max: { value: 1 },
    integer: false,
    group: "housingFirst",
    source:
      "Antagelse (projektets eksempel): halvdelen af de ophold, der ville passere tærsklen; tilpas til kommunens plan",
    range: {
      low: 0.25,
      high: 0.75,
      source: "Antagelse: en fjerdedel til tre fjerdedele af de lange forløb",
    },
    decision: true,
    uncertain: false,
  },
  {
    id: "thresholdDays",
    name: "Tærskel for lange ophold",
    alias: "Long-stay threshold",
    label: {
      da: "Tærskel: ophold ud over dette antal døgn er lange",
      en: "Threshold: stays beyond this many nights are long",
    },
    short: { da: "Tærskel for langt ophold", en: "Long-stay threshold" },
    unit: "dage",
    default: 90,
    min: { value: 1 },
    max: { value: 365 },
    integer: true,
    group: "housingFirst",
    source:
      "Serviceloven § 177 (L 64): refusion for 90 dage pr. år fra 1. april 2026. Seed: 47 % af opholdene over 90 dage, 41 % over 120 dage",
    range: {
      low: 60,
      high: 120,
      source:
        "Antagelse: 60 dage; 120 dage var refusionsgrænsen før 1. april 2026 (serviceloven § 177, L 64)",
    },
    decision: true,
    uncertain: false,
  },
  {
    id: "supportCost",
    name: "Bostøtte pr. år",
    alias: "Support cost per year",
    label: {
      da: "Udgift til bostøtte (§ 85 a) pr. borger pr. år",
      en: "Housing First support (§ 85 a) per citizen per year",
    },
    short: { da: "Bostøtte", en: "Support" },
    unit: "kr./år",
    default: 85_000,
    min: { value: 0 },
    max: { value: 2_000_000 },
    integer: false,
    group: "housingFirst",
    source: `${SBST}: Housing First-støtte i egen bolig koster 40.000-130.000 kr. om året (standard: midtpunktet); et herbergsophold koster ca. 550.000 kr. om året`,
    range: {
      low: 40000,
      high: 130000,
      source:
        "Social- og Boligstyrelsen: Housing First-støtte i egen bolig koster 40.000-130.000 kr. om året",
    },
    uncertain: true,
  },
  {
    id: "relapseRate",
    name: "Tilbagefald pr. år",
    alias: "Relapse per year",
    label: {
      da: "Andel af de boligplacerede, der vender tilbage til herberg pr. år",
      en: "Share of those housed who return to shelters per year",
    },
    short: { da: "Tilbagefald", en: "Relapse" },
    unit: "%",
    default: 0.1,
    min: { value: 0 },
    max: { value: 1 },
    integer: false,
    group: "housingFirst",
    source:
      "Antagelse (projektets eksempel). Komponents analyse for Hjørring (seed) regner nutidsværdier med nogen tilbagefald: 3,3 kr. igen pr. krone over 10 år for herbergsbrugere, break-even i år 2",
    range: {
      low: 0.05,
      high: 0.15,
      source:
        "Afledt af VIVE (2020), Housing First i Odense: ca. 80 % stadig i bolig efter 3 år (ca. 7 % om året), og Benjaminsen (SFI): ni ud af ti fastholder boligen; 15 % svarer til 80-85 % boligstabilitet efter 1-2 år (Tsemberis m.fl.); symmetrisk om 10 %",
    },
    uncertain: true,
  },
  {
    id: "moveAwayRate",
    name: "Fraflytning pr. år",
    alias: "Move-away per year",
    label: {
      da: "Andel af de boligplacerede, der flytter fra kommunen pr. år",
      en: "Share of those housed who move away per year",
    },
    short: { da: "Fraflytning", en: "Move-away" },
    unit: "%",
    default: 0.05,
    min: { value: 0 },
    max: { value: 1 },
    integer: false,
    group: "housingFirst",
    source:
      "Antagelse (projektets eksempel). Komponents analyse for Hjørring (seed) regner nutidsværdier med fraflytning",
    range: {
      low: 0,
      high: 0.1,
      source:
        "Antagelse: der findes ingen offentliggjort dansk fraflytningsrate for boligplacerede",
    },
    uncertain: true,
  },
  {
    id: "housingPerYear",
    name: "Boliger pr. år",
    alias: "Housing available per year",
    label: {
      da: "Boliger til rådighed pr. år (loft over flytninger)",
      en: "Dwellings available per year (caps the moves)",
    },
    short: { da: "Boliger pr. år", en: "Dwellings a year" },
    unit: "boliger/år",
    default: 25,
    min: { value: 0 },
    max: { value: 100_000 },
    integer: false,
    group: "housingFirst",
    source:
      "Antagelse (projektets eksempel). Kommunen kan anvise op til hver fjerde ledige almene familiebolig til boligsociale formål (almenboligloven § 59, stk. 1)",
    range: {
      low: 10,
      high: 40,
      source:
        "Antagelse: kommunens boligsociale anvisning (almenboligloven § 59, stk. 1) giver typisk få boliger om året",
    },
    decision: true,
    uncertain: false,
  },
  {
    id: "rentSubsidy",
    name: "Huslejetilskud pr. bolig",
    alias: "Rent subsidy per dwelling",
    label: { da: "Huslejetilskud pr. bolig pr. år", en: "Rent subsidy per dwelling per year" },
    short: { da: "Huslejetilskud", en: "Rent subsidy" },
    unit: "kr./år",
    default: 0,
    min: { value: 0 },
    max: { value: 1_000_000 },
    integer: false,
    group: "housingFirst",
    source:
      "Projektets standard: 0 kr. Fonden for Blandede Byer (seed) gav huslejestøtte på 15.000 kr. om året pr. bolig med husleje på 4.500-6.500 kr. om måneden, men det er fondsmidler, der skulle bruges inden 31. december 2025",
    range: {
      low: 0,
      high: 15000,
      source:
        "Fonden for Blandede Byer (seed): 15.000 kr. om året pr. bolig, hvis kommunen selv betaler et tilsvarende tilskud",
    },
    decision: true,
    uncertain: false,
  },
  {
    id: "oneOffCost",
    name: "Engangsudgift pr. deltager",
    alias: "One-off cost per participant",
    label: {
      da: "Engangsudgift pr. borger, der flytter i egen bolig",
      en: "One-off cost per citizen moved to own home",
    },
    short: { da: "Engangsudgift", en: "One-off cost" },
    unit: "kr.",
    default: 0,
    min: { value: 0 },
    max: { value: 10_000_000 },
    integer: false,
    group: "housingFirst",
    source:
      "Projektets standard: 0 kr. Til sammenligning: Fonden for Blandede Byer (seed) giver ca. 450.000 kr. i engangstilskud pr. ny billig bolig (højst 55 m², husleje ca. 3.500 kr. om måneden)",
    range: {
      low: 0,
      high: 50000,
      source: "Antagelse: indskud og indbo for en borger uden egen bolig",
    },
    uncertain: true,
  },
  {
    id: "cashableShare",
    name: "Kontant andel af besparelsen",
    alias: "Cashable share of shelter savings",
    label: {
      da: "Andel af den sparede herbergsudgift, som budgettet reelt får tilbage (købte pladser, nedlagt kapacitet)",
      en: "Share of the shelter cost saved that the budget really recovers (places bought, capacity cut)",
    },
    short: { da: "Kontant andel", en: "Cashable share" },
    unit: "%",
    default: 1,
    min: { value: 0 },
    max: { value: 1 },
    integer: false,
    group: "views",
    source:
      "Antagelse: kommunen køber pladserne på andre kommuners boformer (der er 63-73 boformer efter § 110 i 98 kommuner); en kommune med egen boform sparer kun, når kapaciteten skæres ned",
    range: {
      low: 0.3,
      high: 1,
      source:
        "Antagelse: 30 % for en kommune, der driver sin egen boform; der findes ingen offentliggjort dansk andel",
    },
    uncertain: true,
    optional: true,
  },
  {
    id: "netTaxFactor",
    name: "Nettoafgiftsfaktor",
    alias: "Net tax factor",
    label: {
      da: "Nettoafgiftsfaktor i den samfundsøkonomiske opgørelse (faktorpriser til markedspriser)",
      en: "Net tax factor in the socio-economic view (factor prices to market prices)",
    },
    short: { da: "Nettoafgiftsfaktor", en: "Net tax factor" },
    unit: "faktor",
    default: 1.28,
    min: { value: 1 },
    max: { value: 2 },
    integer: false,
    group: "views",
    source:
      "Finansministeriet, Vejledning i samfundsøkonomiske konsekvensvurderinger (juni 2023): nettoafgiftsfaktoren er 1,28",
    range: {
      low: 1,
      high: 1.28,
      source:
        "1 = budgetpriser uden omregning; 1,28 = Finansministeriets nettoafgiftsfaktor (juni 2023)",
    },
    uncertain: false,
    optional: true,
  },
  {
    id: "targetChronic",
    name: "Målgruppe: kroniske",
    alias: "Target: chronic users",
    label: {
      da: "Housing First tilbydes kroniske brugere (1 = ja, 0 = nej)",
      en: "Housing First is offered to chronic users (1 = yes, 0 = no)",
    },
    short: { da: "Kroniske", en: "Chronic" },
    unit: "ja/nej",
    default: 1,
    min: { value: 0 },
    max: { value: 1 },
    integer: true,
    group: "housingFirst",
    source:
      "Benjaminsen (2018), Housing First in Denmark, Social Inclusion 6(3): de kroniske brugere er Housing Firsts primære målgruppe",
    range: { low: 0, high: 1, source: "Valg: med eller uden" },
    decision: true,
    uncertain: false,
    optional: true,
  },
  {
    id: "targetEpisodic",
    name: "Målgruppe: episodiske",
    alias: "Target: episodic users",
    label: {
      da: "Housing First tilbydes episodiske brugere (1 = ja, 0 = nej)",
      en: "Housing First is offered to episodic users (1 = yes, 0 = no)",
    },
    short: { da: "Episodiske", en: "Episodic" },
    unit: "ja/nej",
    default: 1,
    min: { value: 0 },
    max: { value: 1 },
    integer: true,
    group: "housingFirst",
    source:
      "Antagelse: episodiske brugere med gentagne ophold har også komplekse støttebehov (Benjaminsen & Andrade 2015)",
    range: { low: 0, high: 1, source: "Valg: med eller uden" },
    decision: true,
    uncertain: false,
    optional: true,
  },
  {
    id: "targetTransitional",
    name: "Målgruppe: forbigående",
    alias: "Target: transitional users",
    label: {
      da: "Housing First tilbydes forbigående brugere (1 = ja, 0 = nej)",
      en: "Housing First is offered to transitional users (1 = yes, 0 = no)",
    },
    short: { da: "Forbigående", en: "Transitional" },
    unit: "ja/nej",
    default: 0,
    min: { value: 0 },
    max: { value: 1 },
    integer: true,
    group: "housingFirst",
    source:
      "Antagelse: forbigående brugere klarer sig oftest ud af hjemløshed efter ét kort forløb (Kuhn & Culhane 1998); 1 giver den tidligere model, hvor alle lange ophold kunne flytte",
    range: { low: 0, high: 1, source: "Valg: med eller uden" },
    decision: true,
    uncertain: false,
    optional: true,
  },
  {
    id: "typologyYears",
    name: "Typologi: periode",
    alias: "User typology: years observed",
    label: {
      da: "Antal kalenderår til og med basisåret, som brugergrupperne bestemmes ud fra",
      en: "Calendar years up to the base year from which the user groups are found",
    },
    short: { da: "Typologiens år", en: "Typology years" },
    unit: "år",
    default: 3,
    min: { value: 1 },
    max: { value: 10 },
    integer: true,
    group: "typology",
    source:
      "Antagelse: tre år, som i registerstudier af typologien (Kuhn & Culhane 1998 brugte flerårige perioder)",
    range: { low: 2, high: 4, source: "Antagelse: symmetrisk om tre år" },
    decision: true,
    uncertain: false,
    optional: true,
  },
  {
    id: "chronicNights",
    name: "Typologi: kronisk fra døgn",
    alias: "User typology: chronic from nights",
    label: {
      da: "En borger er kronisk bruger med mindst så mange døgn på herberg i perioden",
      en: "A citizen is a chronic user with at least this many nights in the period",
    },
    short: { da: "Kronisk fra døgn", en: "Chronic from nights" },
    unit: "dage",
    default: 365,
    min: { value: 1 },
    max: { value: 3660 },
    integer: true,
    group: "typology",
    source:
      "Antagelse, kalibreret til Kuhn & Culhane (1998): ca. 10 % af brugerne er kroniske og bruger halvdelen af døgnene; Benjaminsen & Andrade (2015) fandt de samme tre grupper i danske data ved klyngeanalyse, men offentliggjorde ingen faste grænser",
    range: {
      low: 180,
      high: 540,
      source: "Antagelse: et halvt til halvandet års ophold i perioden",
    },
    decision: true,
    uncertain: false,
    optional: true,
  },
  {
    id: "episodicEpisodes",
    name: "Typologi: episodisk fra forløb",
    alias: "User typology: episodic from episodes",
    label: {
      da: "En borger, der ikke er kronisk, er episodisk bruger med mindst så mange forløb i perioden",
      en: "A citizen who is not chronic is an episodic user with at least this many episodes in the period",
    },
    short: { da: "Episodisk fra forløb", en: "Episodic from episodes" },
    unit: "forløb",
    default: 3,
    min: { value: 2 },
    max: { value: 100 },
    integer: true,
    group: "typology",
    source:
      "Antagelse efter Kuhn & Culhane (1998): episodiske brugere har mange, kortere forløb (i gennemsnit 3,8 ophold i Philadelphia mod 1,2 for forbigående)",
    range: { low: 2, high: 4, source: "Antagelse: symmetrisk om tre forløb" },
    decision: true,
    uncertain: false,
    optional: true,
  },
  {
    id: "episodeGapDays",
    name: "Typologi: nyt forløb efter dage",
    alias: "User typology: new episode after days",
    label: {
      da: "Ophold med mindst så mange dages mellemrum er hvert sit forløb",
      en: "Stays at least this many days apart are separate episodes",
    },
    short: { da: "Nyt forløb efter", en: "New episode after" },
    unit: "dage",
    default: 30,
    min: { value: 1 },
    max: { value: 365 },
    integer: true,
    group: "typology",
    source:
      "Antagelse: 30 dage, den almindelige afgrænsning af et forløb i registerstudier af herbergsbrug",
    range: { low: 15, high: 45, source: "Antagelse: symmetrisk om 30 dage" },
    decision: true,
    uncertain: false,
    optional: true,
  },
] as const satisfies readonly ParameterSpec[];

const RETURN_PARAMETERS = returnParameters();

type Definition =
  (typeof MAIN_PARAMETERS)[number] | ReturnParameterSpec | (typeof COST_PARAMETERS)[number];

export type ParameterId = Definition["id"];

/** The whole bill of Housing First beyond support, rent subsidy and one-off cost (issue 20). */
export type CostParameterId = (typeof COST_PARAMETERS)[number]["id"];

export interface ParameterDef extends ParameterSpec {
  id: ParameterId;
}

/** Every parameter, in the order the Scenarier sheet and a template list them. */
export const PARAMETERS: readonly ParameterDef[] = [
  ...MAIN_PARAMETERS,
  ...RETURN_PARAMETERS,
  ...COST_PARAMETERS,
];

export type ParameterValues = Record<ParameterId, number | null>;

/**
 * A validated parameter set: every value inside its range; `number | null` where the default is
 * null (the base year and who comes back, derived from the data when blank).
 */
export type ScenarioParameters = {
  [D in Definition as D["id"]]: null extends D["default"] ? number | null : number;
};
