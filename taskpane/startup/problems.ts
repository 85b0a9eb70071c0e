/**
 * What the pane says when it cannot start in Excel, in the user's language: office.js is blocked,
 * Office does not answer, or this Excel lacks what the add-in needs. Each says what is wrong and
 * who can fix it how, in plain words; none shows the demo (its made-up municipality does not
 * belong in a user's workbook).
 */
import type { Language } from "../language";
import type { Requirement } from "./requirements";

/** Microsoft's CDN that office.js and its host scripts load from, the host IT must allow. */
export const OFFICE_JS_HOST = "https://appsforoffice.microsoft.com";

export interface Problem {
  kind: "office-js-blocked" | "office-not-answering" | "unsupported-client";
  language: Language;
  title: string;
  paragraphs: string[];
  /** Items under the paragraphs (the missing requirement sets). */
  list?: string[];
}

export function officeJsBlocked(language: Language): Problem {
  const paragraphs =
    language === "en"
      ? [
          `Excel opened the add-in, but Microsoft's Office library (office.js) could not be loaded from ${OFFICE_JS_HOST}. Without it the task pane cannot read or write the workbook, and the DK. functions cannot be registered.`,
          "The usual cause is a proxy, firewall or web filter that blocks the address, or a computer without a network connection.",
          `Ask IT to allow ${OFFICE_JS_HOST} (HTTPS, port 443, everything under /lib/1/hosted/) for Excel and Microsoft Edge WebView2 in the proxy's and firewall's lists of allowed addresses. Then close and reopen Excel.`,
          "The demo is not shown here: its made-up figures belong in a browser, not in your workbook.",
        ]
      : [
          `Excel har åbnet tilføjelsesprogrammet, men Microsofts Office-bibliotek (office.js) kunne ikke hentes fra ${OFFICE_JS_HOST}. Uden det kan opgaveruden ikke læse eller skrive i projektmappen, og DK.-funktionerne kan ikke registreres.`,
          "Det skyldes som regel en proxy, en firewall eller et webfilter, der blokerer adressen, eller at computeren er uden netforbindelse.",
          `Bed IT om at tillade ${OFFICE_JS_HOST} (HTTPS, port 443, alt under /lib/1/hosted/) for Excel og Microsoft Edge WebView2 i proxyens og firewallens lister over tilladte adresser. Luk derefter Excel, og åbn det igen.`,
          "Demoen vises ikke her: dens opdigtede tal hører til i en browser, ikke i jeres projektmappe.",
        ];
  return {
    kind: "office-js-blocked",
    language,
    title:
      language === "en"
        ? "The add-in cannot start: office.js is blocked"
        : "Tilføjelsesprogrammet kan ikke starte: office.js er blokeret",
    paragraphs,
  };
}

export function officeNotAnswering(language: Language): Problem {
  return {
    kind: "office-not-answering",
    language,
    title:
      language === "en"
        ? "Excel does not answer the add-in"
        : "Excel svarer ikke tilføjelsesprogrammet",
    paragraphs:
      language === "en"
        ? [
            "Microsoft's Office library (office.js) was loaded, but the connection to Excel did not start. A filter that lets only part of Microsoft's Office library through can be the cause.",
            `Ask IT to allow everything under ${OFFICE_JS_HOST}/lib/1/hosted/ (HTTPS, port 443). Then close and reopen Excel.`,
          ]
        : [
            "Microsofts Office-bibliotek (office.js) blev hentet, men forbindelsen til Excel kom ikke i gang. Et filter, der kun lader en del af Microsofts Office-bibliotek igennem, kan være årsagen.",
            `Bed IT om at tillade alt under ${OFFICE_JS_HOST}/lib/1/hosted/ (HTTPS, port 443). Luk derefter Excel, og åbn det igen.`,
          ],
  };
}

export function unsupportedClient(missing: readonly Requirement[], language: Language): Problem {
  return {
    kind: "unsupported-client",
    language,
    title:
      language === "en"
        ? "This version of Excel cannot run the add-in"
        : "Denne version af Excel kan ikke køre tilføjelsesprogrammet",
    paragraphs:
      language === "en"
        ? [
            "The add-in needs Excel for Microsoft 365 (Windows or Mac), Excel 2021 or later, or Excel on the web. This Excel lacks:",
          ]
        : [
            "Tilføjelsesprogrammet kræver Excel til Microsoft 365 (Windows eller Mac), Excel 2021 eller nyere eller Excel på nettet. Denne Excel mangler:",
          ],
    list: [
      ...missing.map((r) => `${r.why[language]} (${r.set} ${r.version})`),
      language === "en"
        ? "Update Office (File > Account > Update Options), or use Excel on the web. If IT manages Office, ask them."
        : "Opdater Office (Filer > Konto > Opdateringsindstillinger), eller brug Excel på nettet. Styrer IT jeres Office, så spørg dem.",
    ],
  };
}
