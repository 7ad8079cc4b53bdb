// Names of the per-page JSON files an export writes, relative to the output folder, the same for
// the CLI (`export --out`) and the editor (workspace export, one file per page).
// A page found in a folder keeps its path under it (`1923/01/p1.page.txt` → `1923/01/p1.articles.json`);
// pages named themselves keep theirs under the deepest folder holding them all (the CLI's inputs.ts),
// so pages named from one folder give their names (`p1.articles.json`). A name taken already, in any letter case
// (a case-insensitive disk would merge them), gets the next free `-2`, `-3`…: each stem keeps the
// suffix it reached, so a batch with thousands of same-named pages does not try every suffix from 2
// again for each (that took 32 s for 20,000 pages named p1.page.txt, where 20,000 names take 9 s).

export class OutputNames {
  private readonly used = new Set<string>();
  private readonly next = new Map<string, number>();

  /** `page`: the page's path under the folder it was found in, `/`-separated, or its file name. The name is `/`-separated too. */
  name(page: string): string {
    const stem = page.replace(/(\.page)?\.(txt|pagedump)$/i, '');
    let name = `${stem}.articles.json`;
    if (this.used.has(name.toLowerCase())) {
      let k = this.next.get(stem.toLowerCase()) ?? 2;
      while (this.used.has(`${stem}-${k}.articles.json`.toLowerCase())) k++;
      this.next.set(stem.toLowerCase(), k + 1);
      name = `${stem}-${k}.articles.json`;
    }
    this.used.add(name.toLowerCase());
    return name;
  }
}
