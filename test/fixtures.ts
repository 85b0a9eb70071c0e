/** Shared test data builders. */
import { d } from "../src/engine/calendar";
import type { StayInput } from "../src/engine/shelter";

/** A § 110 stay from ISO dates; rate 1 000 kr. a day and no self-payment unless given. */
export const stay = (
  citizen: string,
  admission: string,
  discharge: string | null,
  dailyRate = 1000,
  selfPayment = 0
): StayInput => ({
  citizen,
  admission: d(admission),
  discharge: discharge === null ? null : d(discharge),
  dailyRate,
  selfPayment,
});
