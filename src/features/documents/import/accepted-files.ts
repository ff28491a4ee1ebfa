// Apart from the readers: the drop zone on the first screen needs only this list.
export const ACCEPTED_EXTENSIONS = ['.txt', '.csv', '.tsv', '.jsonl', '.json'] as const;
