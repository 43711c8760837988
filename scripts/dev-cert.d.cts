export declare function devCertificate(name?: string, root?: string): Promise<{ key: string; cert: string }>;
