global using InfoTheory.Binning;
global using InfoTheory.Sampled;
global using Orleans.Concurrency;
