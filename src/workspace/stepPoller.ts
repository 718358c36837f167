import type { AbortSignalLike } from "@azure/abort-controller";
import type { CancelOnProgress, OperationState, PollerLike } from "@azure/core-lro";

/**
 * An operation made of steps, each a unit of progress after which the state can be serialized.
 *
 * @internal
 */
export interface StepMachine<TState extends OperationState<TResult>, TResult> {
  readonly state: TState;
  /** Runs the next step. Sets `state.status` to a terminal value when the operation ends. */
  step(abortSignal: AbortSignalLike | undefined): Promise<void>;
  serialize(): string;
}

const TERMINAL = new Set(["succeeded", "failed", "canceled"]);

/**
 * A core-lro `PollerLike` over a {@link StepMachine}: `poll()` runs one step, `pollUntilDone()`
 * (or awaiting the poller) runs them all. Unlike an HTTP poller it starts nothing by itself: the
 * first step runs when the poller is first polled or awaited, so a poller nobody awaits sends no
 * request and cannot fail unobserved.
 *
 * An aborted step leaves the state where it was: polling again (or restoring the serialized
 * state) continues from that step.
 *
 * @internal
 */
export class StepPoller<TState extends OperationState<TResult>, TResult> implements PollerLike<
  TState,
  TResult
> {
  private readonly callbacks = new Set<(state: TState) => void>();
  private inFlight?: Promise<TState>;
  private untilDone?: Promise<TResult>;
  private started = false;

  constructor(private readonly machine: StepMachine<TState, TResult>) {}

  get isDone(): boolean {
    return TERMINAL.has(this.machine.state.status);
  }

  get operationState(): TState {
    return this.machine.state;
  }

  get result(): TResult | undefined {
    return this.machine.state.result;
  }

  poll(options: { abortSignal?: AbortSignalLike } = {}): Promise<TState> {
    if (this.isDone) return Promise.resolve(this.machine.state);
    this.inFlight ??= this.runStep(options.abortSignal).finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  pollUntilDone(options: { abortSignal?: AbortSignalLike } = {}): Promise<TResult> {
    this.untilDone ??= this.runUntilDone(options.abortSignal).catch((e: unknown) => {
      // A failed operation stays failed; an interrupted one may be polled again.
      if (!this.isDone) this.untilDone = undefined;
      throw e;
    });
    return this.untilDone;
  }

  onProgress(callback: (state: TState) => void): CancelOnProgress {
    this.callbacks.add(callback);
    return () => this.callbacks.delete(callback);
  }

  serialize(): Promise<string> {
    return Promise.resolve(this.machine.serialize());
  }

  async submitted(): Promise<void> {
    if (!this.started) await this.poll();
  }

  then<R1 = TResult, R2 = never>(
    onfulfilled?: ((value: TResult) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.pollUntilDone().then(onfulfilled, onrejected);
  }

  catch<R = never>(
    onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null,
  ): Promise<TResult | R> {
    return this.pollUntilDone().catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<TResult> {
    return this.pollUntilDone().finally(onfinally);
  }

  readonly [Symbol.toStringTag] = "Poller";

  private async runStep(abortSignal: AbortSignalLike | undefined): Promise<TState> {
    this.started = true;
    await this.machine.step(abortSignal);
    const state = this.machine.state;
    for (const callback of this.callbacks) callback(state);
    if (state.status === "failed" || state.status === "canceled") {
      throw state.error ?? new Error(`The operation ${state.status}.`);
    }
    return state;
  }

  private async runUntilDone(abortSignal: AbortSignalLike | undefined): Promise<TResult> {
    while (!this.isDone) await this.poll({ abortSignal });
    const state = this.machine.state;
    if (state.status !== "succeeded")
      throw state.error ?? new Error(`The operation ${state.status}.`);
    return state.result as TResult;
  }
}
