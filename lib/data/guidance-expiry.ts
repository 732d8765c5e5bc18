// Which cached parts expire next, without visiting every part on every
// request: a binary heap of (instant, application id, part). A part
// replaced or dropped leaves its old entry behind, skipped when it comes up
// (the caller says which entries are still current), and the heap is
// rebuilt once such leftovers outnumber the live entries.

export class ExpiryQueue<P> {
  private at: number[] = [];
  private ids: string[] = [];
  private parts: P[] = [];

  get size(): number {
    return this.at.length;
  }

  push(at: number, id: string, part: P): void {
    if (at === Infinity) return;
    this.at.push(at);
    this.ids.push(id);
    this.parts.push(part);
    this.up(this.at.length - 1);
  }

  /** The ids of the current parts due by `now`, taken off the heap. */
  popDue(now: number, isCurrent: (id: string, part: P) => boolean): string[] {
    const due: string[] = [];
    while (this.at.length > 0 && this.at[0] <= now) {
      const [id, part] = [this.ids[0], this.parts[0]];
      this.pop();
      if (isCurrent(id, part)) due.push(id);
    }
    return due;
  }

  /** The soonest instant a current part expires at; leftovers on top are dropped on the way. */
  soonest(isCurrent: (id: string, part: P) => boolean): number {
    while (this.at.length > 0 && !isCurrent(this.ids[0], this.parts[0])) this.pop();
    return this.at.length > 0 ? this.at[0] : Infinity;
  }

  private pop(): void {
    const last = this.at.length - 1;
    this.swap(0, last);
    this.at.pop();
    this.ids.pop();
    this.parts.pop();
    this.down(0);
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.at[parent] <= this.at[i]) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.at.length;
    for (;;) {
      const [l, r] = [2 * i + 1, 2 * i + 2];
      let least = i;
      if (l < n && this.at[l] < this.at[least]) least = l;
      if (r < n && this.at[r] < this.at[least]) least = r;
      if (least === i) return;
      this.swap(i, least);
      i = least;
    }
  }

  private swap(a: number, b: number): void {
    [this.at[a], this.at[b]] = [this.at[b], this.at[a]];
    [this.ids[a], this.ids[b]] = [this.ids[b], this.ids[a]];
    [this.parts[a], this.parts[b]] = [this.parts[b], this.parts[a]];
  }
}
