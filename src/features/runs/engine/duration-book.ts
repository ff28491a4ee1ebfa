import {
  durationSample,
  learnDurations,
  type DurationExpectation,
  type DurationModel,
  type DurationSample,
} from './job-duration';
import type { RunsRepository } from '../store/runs-repository';

/**
 * What this browser has learnt of one endpoint's job durations: seeded from the finished jobs of
 * the runs stored for that endpoint, and told of each job that finishes from then on.
 */
export class DurationBook {
  private samples: DurationSample[] = [];
  private model: DurationModel | undefined;

  add(sample: DurationSample): void {
    this.samples.push(sample);
    this.model = undefined;
  }

  predict(documents: number, characters: number): DurationExpectation | undefined {
    this.model ??= learnDurations(this.samples);
    return this.model.predict(documents, characters);
  }

  /** Adds what the stored runs of this endpoint say (their finished jobs' durations). */
  async seed(repository: RunsRepository, endpoint: string): Promise<void> {
    const runs = (await repository.list()).filter((run) => run.settings.endpoint === endpoint);
    // Oldest first, so the most recent jobs are the ones the model keeps.
    for (const run of runs.reverse()) {
      for (const job of await repository.jobs(run.id)) {
        const sample = durationSample(job);
        if (sample) this.add(sample);
      }
    }
  }
}
