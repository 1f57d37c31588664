export {
  formatReply,
  formatCliReply,
  formatCommandReply,
  quoteBytes,
  isRawOutputCommand,
} from './format';
export { commandHelp, commandHelpList, completeCommand, parseConsoleLine } from './help';
export type { CommandHelp } from './help';
