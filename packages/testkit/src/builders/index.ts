export type { CaseRegistration, SeizedCurrency, SeizedGoods } from './cases.ts';
export {
  aCaseRegistration,
  aFuelCaseRegistration,
  registerCaseBodyOf,
  someSeizedCurrency,
  someSeizedFuel,
  someSeizedGoods,
} from './cases.ts';
export { aLotRegistration, aPerishableLotRegistration, type LotRegistration } from './lots.ts';
export { invalidNationalIdFrom, nationalIdFrom } from './national-id.ts';
export { aCompany, aPerson, type CompanyParty, type PersonParty } from './parties.ts';
export { inTurn, nextId, nextNumber } from './sequence.ts';
