// The topology picture computed from the topology: AZs as columns, tiers and cache groups as
// rows, node size chosen to fit the canvas (see README.md). Pure: the UI draws what it returns.
export { layoutTopology, CANVAS } from './topology-layout';
export { SIZES, FRAME, fitText, textWidth, edgePoint, overlaps, inside } from './metrics';
export {
  linkKey,
  type LayoutInput,
  type LayoutNodeInput,
  type LayoutGroupInput,
  type TopologyLayout,
  type PlacedNode,
  type PlacedAz,
  type PlacedRow,
  type LinkGeometry,
  type NodeSize,
  type Box,
  type TextBox,
  type Point,
} from './layout-types';
