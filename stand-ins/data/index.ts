/**
 * Customers from files (`--data DIR`): AEP dataset exports or Adobe's tutorial samples, merged by
 * identity as AEP's identity graph would, for the prod sandbox of the AEP stand-in.
 */
export { DataLoadError, type DataProblem, describeProblem, type Where } from './errors'
export { DATA_FILES, dataOverlay, type LoadedData, loadDataDir } from './load'
