// Types for the tests that read the capabilities' layers (tests/unit/lint).
export declare const LAYERS: string[];
