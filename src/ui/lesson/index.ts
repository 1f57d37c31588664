export type {
  QuizItem,
  QuizChoice,
  Observed,
  FieldSpec,
  FieldValues,
  StepView,
  TargetView,
  ComparisonTableSpec,
  ComparisonRowSpec,
  ComparisonCellSpec,
  ComparisonMetrics,
} from './types';
export { ComparisonTable } from './comparison-table';
export { LessonWorkspace, type LessonWorkspaceProps } from './lesson-workspace';
export { LessonPanel, type LessonPanelProps } from './lesson-panel';
export { GoalList, type GoalListProps } from './goal-list';
export { QuizPanel, type QuizPanelProps, type Observation, type Prediction } from './quiz-panel';
export {
  ControlPanel,
  type ControlPanelProps,
  type ControlGroupView,
  type ButtonView,
} from './control-panel';
export { LessonToolbar, type LessonToolbarProps } from './lesson-toolbar';
export { MetricsPanel } from './metrics-panel';
export { StatechartView } from './statechart-view';
export { ExperimentPanel, type ExperimentPanelProps } from './experiment-panel';
export {
  METRIC_CATALOG,
  metricInfo,
  inMetricCatalog,
  formatMetricValue,
  orderMetrics,
  type MetricInfo,
} from './metric-catalog';
export { MetricHistory } from './metric-history';
// The session plumbing a lesson page needs (the ui barrel does not export these).
export { SimSessionContext, useSimSessionLifecycle } from '../session/session-context';
export { embedSnippet, embedUrl, exactOrigin, type EmbedOptions } from './embed-snippet';
export { EmbedDialog } from './embed-dialog';
export { EmbedStage, type EmbedControls } from '../workspace/embed-stage';
