/**
 * The base-class chain of a type's resolver. A type's resolver (`CompanyResolver`) extends generic
 * resolvers that each add the fields one idea gives every type that has it (root list and lookup,
 * provenance, the Named fields, a place's flows), type-graphql's resolver-inheritance pattern: each
 * generic takes the type and the base it extends, and returns a fresh abstract resolver class.
 */
export type ResolverBase = abstract new (...args: any[]) => object;

/** The end of every chain. */
export abstract class NoBase {}
