// Entry point of `npm run bench`.
export {};
