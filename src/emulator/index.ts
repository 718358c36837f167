/**
 * A local Azure Resource Manager emulator for offline runs and tests: it speaks ARM over real
 * HTTP on 127.0.0.1 for every resource this library touches.
 *
 * @packageDocumentation
 */
export { startEmulator } from "./startEmulator.js";
export { demoWorldDefaults } from "./seed.js";
export type {
  DemoWorld,
  DemoWorldOptions,
  EmulatorClientOptions,
  EmulatorOptions,
  RecordedExchange,
  RunningEmulator,
} from "./types.js";
export type {
  CancelFault,
  DropFault,
  ErrorFault,
  FailFault,
  FaultMatch,
  FaultRule,
  ThrottleFault,
  TransientFault,
} from "./faultRule.js";
