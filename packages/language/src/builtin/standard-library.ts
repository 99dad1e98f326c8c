/**
 * The standard library: the four built-in authority schemes, written in Remit itself.
 * It is loaded into every workspace (editor and CLI alike) so `uses RAPID` resolves like
 * any other reference, and hover or go-to-definition can show where a level comes from.
 */
export const STANDARD_LIBRARY_URI = 'remit-builtin:/standard-library.remit';

/** The scheme a map uses when it says no `uses`. */
export const DEFAULT_SCHEME = 'School';

export const STANDARD_LIBRARY_TEXT = `/** The authority schemes every map can use without writing them. */
map Builtin "Built-in authority schemes"

/** The default scheme: recommend, consult, agree, decide, inform. */
levels School "School decision rights" {
  recommend "Prepares and proposes a course of action"
  consult   "Is asked for advice before the decision is made"
  agree     "Must agree before the decision stands; can block it" veto
  decide    "Makes the final decision and is accountable for it" final
  inform    "Is told of the decision once it is made"
}

/** Bain's RAPID: recommend, input, agree, decide, perform. */
levels RAPID "RAPID" {
  recommend "Makes the proposal, gathering input" required
  input     "Gives facts and advice to the recommender"
  agree     "Must sign off; can block" veto
  decide    "Makes the final decision" final
  perform   "Carries the decision out"
}

/** RACI: responsible, accountable, consulted, informed. */
levels RACI "RACI" {
  responsible "Does the work" required
  consulted   "Is asked for input before the work is done"
  accountable "Answers for the result and signs it off" final
  informed    "Is kept up to date"
}

/** DACI: driver, approver, contributor, informed. */
levels DACI "DACI" {
  driver      "Drives the decision to a conclusion" required
  contributor "Brings knowledge and opinion"
  approver    "Makes the decision" final
  informed    "Is told of the decision"
}
`;

export function isStandardLibrary(uri: { toString(): string } | string): boolean {
    return uri.toString().startsWith('remit-builtin:');
}
