export declare function runMocha(files: string[], options?: { timeout?: number; slow?: number }): Promise<void>;
