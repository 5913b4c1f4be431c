export { default as SelfEvaluationTab } from '../../src/ui/self-evaluation/SelfEvaluationTab.tsx';
export { printTitle } from '../../src/ui/self-evaluation/PrintReport.tsx';
