// Generators: pure functions from the checked model to documents.
export {};
