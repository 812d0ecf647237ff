/**
 * The SQL page's engine and console.
 *
 * Engine (`SqlEngine`): one DuckDB-wasm database (opened by the page, tables loaded), locked down
 * before any user query runs:
 *   SET GLOBAL enable_external_access = false      -- no files, URLs, ATTACH, COPY TO, EXPORT
 *   SET GLOBAL autoinstall_known_extensions = false -- no extension downloads
 *   SET GLOBAL autoload_known_extensions = false
 *   SET GLOBAL lock_configuration = true           -- a query cannot switch any of this back
 * duckdb-wasm 1.29's DuckDBConfig has no option for these (only path, access mode, threads, query
 * casts, HTTP filesystem flags), so they are SET statements; the engine reads the settings back on
 * a fresh connection and refuses to run anything if they did not take.
 * A query runs with `send` (DuckDB polls it, so it can be cancelled); a SELECT is wrapped in a
 * LIMIT so a huge result is not materialised (the page shows the first `maxRows` rows and says the
 * rest were left out). Cancel asks DuckDB to stop (`cancelSent`); a query that does not stop within
 * `graceMs` (one long step inside the worker) has its worker terminated, and the next query opens
 * a fresh database.
 *
 * Console (`sqlConsole`): the editor, example buttons, Run (also Ctrl/⌘+Enter) and Cancel, a
 * running indicator with the elapsed time, and the result (table, row count, CSV) or the error.
 * A query from a link is shown in the editor but runs only when Run is pressed. All text is in
 * paired zh/en spans, so a language switch re-renders nothing and never re-runs a query.
 */
import { bi, formatAmount, unitName, type Bilingual } from "./i18n.js";
import { save, toCsv } from "./download.js";

/** The parts of duckdb-wasm's AsyncDuckDB the engine uses. */
export interface DuckDb {
  connect(): Promise<DuckConnection>;
  terminate(): Promise<void>;
}
export interface DuckConnection {
  query(sql: string): Promise<DuckTable>;
  send(sql: string): Promise<DuckReader>;
  cancelSent(): Promise<boolean>;
  close(): Promise<void>;
}
export interface DuckBatch {
  numRows: number;
  schema: { fields: { name: string }[] };
  toArray(): Record<string, unknown>[];
}
export interface DuckTable extends DuckBatch {
  slice(begin?: number, end?: number): DuckBatch;
}
export interface DuckReader {
  schema?: { fields: { name: string }[] } | null;
  next(): Promise<IteratorResult<DuckBatch>>;
}

export const LOCKDOWN = [
  "SET GLOBAL enable_external_access = false",
  "SET GLOBAL autoinstall_known_extensions = false",
  "SET GLOBAL autoload_known_extensions = false",
  "SET GLOBAL lock_configuration = true",
] as const;

const CHECK_SQL =
  "SELECT current_setting('enable_external_access')::VARCHAR AS external, current_setting('autoinstall_known_extensions')::VARCHAR AS autoinstall, current_setting('autoload_known_extensions')::VARCHAR AS autoload, current_setting('lock_configuration')::VARCHAR AS locked";

/** Runs LOCKDOWN, then checks on a fresh connection that every setting took. */
export async function lockDown(db: DuckDb): Promise<void> {
  const con = await db.connect();
  try {
    for (const statement of LOCKDOWN) await con.query(statement);
  } finally {
    await con.close();
  }
  const check = await db.connect();
  try {
    const row = (await check.query(CHECK_SQL)).toArray()[0] ?? {};
    const ok = String(row["external"]) === "false" && String(row["autoinstall"]) === "false" && String(row["autoload"]) === "false" && String(row["locked"]) === "true";
    if (!ok) throw new Error(`DuckDB did not accept the offline settings: ${JSON.stringify(row)}`);
  } finally {
    await check.close();
  }
}

/** Strips comments and whitespace from both ends and trailing semicolons. */
function trimStatement(sql: string): string {
  let s = sql;
  for (;;) {
    const before = s;
    s = s.trim().replace(/^--[^\n]*(\n|$)/, "").replace(/^\/\*[\s\S]*?\*\//, "");
    s = s.replace(/;+$/, "").replace(/--[^\n']*$/, "");
    if (s === before) return s;
  }
}

/** True when `sql` has a semicolon outside strings, identifiers and comments (several statements). */
function hasInnerSemicolon(sql: string): boolean {
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      if (end < 0) return false;
      i = end + 1;
    } else if (c === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      if (end < 0) return false;
      i = end + 1;
    } else if (c === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      if (end < 0) return false;
      i = end + 2;
    } else if (c === ";") return true;
    else i++;
  }
  return false;
}

/**
 * The query wrapped in a LIMIT (`limit` + 1 rows, to tell whether more exist) when it is a single
 * query statement; null for anything else (DDL, SET, DESCRIBE, several statements), which runs as
 * written.
 */
export function limitedQuery(sql: string, limit: number): string | null {
  const body = trimStatement(sql);
  if (!/^(\(|select\b|with\b|from\b|values\b|table\b)/i.test(body)) return null;
  if (hasInnerSemicolon(body)) return null;
  return `SELECT * FROM (\n${body}\n) AS puhui_query LIMIT ${limit + 1}`;
}

/** True for an error caused by the offline settings (a file, URL, extension or ATTACH was refused). */
export function isBlocked(message: string): boolean {
  return (
    /Permission Error|disabled through configuration|configuration has been locked|Missing Extension Error|requires extension|but it exists in the \w+ extension|Cannot change enable_external_access/i.test(message) ||
    // FROM 'https://…' or FROM 'x.parquet': with no readers loaded, DuckDB looks for a table of that name.
    /Table with name \S*(:\/\/|\.(csv|tsv|parquet|json|ndjson|arrow|db|duckdb|txt|gz)\b)\S* does not exist/i.test(message)
  );
}

/** DuckDB's message without its advice to install, load or auto-load extensions (which is off here). */
export function cleanMessage(message: string): string {
  const text = message.replace(/^Error:\s*/, "");
  return isBlocked(text) ? text.split("\n")[0]!.trim() : text.trim();
}

export type SqlOutcome =
  | { status: "done"; columns: string[]; rows: Record<string, unknown>[]; truncated: boolean; elapsedMs: number }
  | { status: "error"; message: string; blocked: boolean; elapsedMs: number }
  | { status: "cancelled"; restarted: boolean; elapsedMs: number };

export interface SqlRun {
  readonly startedAt: number;
  /** Settles once: the rows, the error, or (after `cancel`) "cancelled". Never rejects. */
  readonly outcome: Promise<SqlOutcome>;
  /** Stops the query; resolves when DuckDB is ready for the next one. */
  cancel(): Promise<void>;
}

export interface SqlEngineOptions {
  /** Rows kept from a result (default 10 000). */
  maxRows?: number;
  /** How long a cancelled query may take to stop before its worker is terminated (default 1.5 s). */
  graceMs?: number;
  now?: () => number;
}

class Cancelled extends Error {}

function rowsOf(batch: DuckBatch, columns: string[], room: number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const row of batch.toArray()) {
    if (out.length >= room) break;
    const plain: Record<string, unknown> = {};
    for (const c of columns) plain[c] = (row as Record<string, unknown>)[c];
    out.push(plain);
  }
  return out;
}

export class SqlEngine {
  private db: Promise<DuckDb> | null = null;
  private readonly maxRows: number;
  private readonly graceMs: number;
  private readonly now: () => number;

  constructor(
    private readonly open: () => Promise<DuckDb>,
    options: SqlEngineOptions = {},
  ) {
    this.maxRows = options.maxRows ?? 10_000;
    this.graceMs = options.graceMs ?? 1500;
    this.now = options.now ?? (() => (typeof performance !== "undefined" ? performance.now() : Date.now()));
  }

  /** The locked-down database (opened on first use, and again after a terminated worker). */
  database(): Promise<DuckDb> {
    if (!this.db) {
      const opening = this.open().then(async (db) => {
        try {
          await lockDown(db);
        } catch (error) {
          await db.terminate().catch(() => {});
          throw error;
        }
        return db;
      });
      this.db = opening;
      opening.catch(() => {
        if (this.db === opening) this.db = null;
      });
    }
    return this.db;
  }

  /** Runs a query of the page's own (rows or a thrown Error). */
  async query(sql: string): Promise<Record<string, unknown>[]> {
    const o = await this.run(sql).outcome;
    if (o.status === "done") return o.rows;
    throw new Error(o.status === "error" ? o.message : "cancelled");
  }

  run(sql: string): SqlRun {
    const startedAt = this.now();
    const elapsed = () => this.now() - startedAt;
    let cancelled = false;
    let connection: DuckConnection | null = null;
    let dbInUse: Promise<DuckDb> | null = null;

    const work = (async (): Promise<SqlOutcome> => {
      dbInUse = this.database();
      const db = await dbInUse;
      if (cancelled) throw new Cancelled();
      connection = await db.connect();
      try {
        if (cancelled) throw new Cancelled();
        return await this.execute(connection, sql, elapsed);
      } finally {
        connection.close().catch(() => {});
      }
    })().catch((error: unknown): SqlOutcome => {
      if (cancelled || error instanceof Cancelled) return { status: "cancelled", restarted: false, elapsedMs: elapsed() };
      const message = cleanMessage(error instanceof Error ? error.message : String(error));
      return { status: "error", message, blocked: isBlocked(message), elapsedMs: elapsed() };
    });

    let resolveCancel!: (o: SqlOutcome) => void;
    const cancelledOutcome = new Promise<SqlOutcome>((resolve) => (resolveCancel = resolve));
    const outcome = Promise.race([work, cancelledOutcome]);
    let finished = false;
    void outcome.then(() => (finished = true));

    const cancel = async (): Promise<void> => {
      if (finished || cancelled) return;
      cancelled = true;
      const at = elapsed();
      let restarted = false;
      if (connection) {
        const con: DuckConnection = connection;
        const stopped = await Promise.race([
          con.cancelSent().then(() => work.then(() => true)),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(false), this.graceMs)),
        ]).catch(() => false);
        if (!stopped) {
          // One long step in the worker: only terminating the worker stops it.
          restarted = true;
          if (this.db === dbInUse) this.db = null;
          const db = await dbInUse!;
          await Promise.race([db.terminate().catch(() => {}), new Promise((r) => setTimeout(r, 500))]);
        }
      }
      resolveCancel({ status: "cancelled", restarted, elapsedMs: at });
    };
    return { startedAt, outcome, cancel };
  }

  private async execute(con: DuckConnection, sql: string, elapsed: () => number): Promise<SqlOutcome> {
    const limited = limitedQuery(sql, this.maxRows);
    let reader: DuckReader;
    try {
      reader = await con.send(limited ?? sql);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (limited !== null && /Parser Error/i.test(message)) {
        // The wrapper did not parse (an unusual query form): run the query as written.
        reader = await con.send(sql).catch((e: unknown) => this.whole(con, sql, e));
      } else if (/can only take a single statement/i.test(message)) {
        reader = await this.whole(con, sql, error);
      } else throw error;
    }
    let columns = reader.schema?.fields.map((f) => f.name) ?? [];
    const rows: Record<string, unknown>[] = [];
    let more = false;
    for (;;) {
      const { done, value } = await reader.next();
      if (done) break;
      columns = value.schema.fields.map((f) => f.name);
      const room = this.maxRows - rows.length;
      if (value.numRows > room) more = true;
      rows.push(...rowsOf(value, columns, room));
      if (more) break;
    }
    return { status: "done", columns, rows, truncated: more, elapsedMs: elapsed() };
  }

  /** Several statements: `query` runs them all (the last one's result); only a worker restart stops it. */
  private async whole(con: DuckConnection, sql: string, firstError: unknown): Promise<DuckReader> {
    if (!/can only take a single statement/i.test(firstError instanceof Error ? firstError.message : String(firstError))) throw firstError;
    const table = await con.query(sql);
    let sent = false;
    return {
      schema: table.schema,
      next: async () => {
        if (sent) return { done: true, value: undefined };
        sent = true;
        return { done: false, value: table.numRows > this.maxRows ? table.slice(0, this.maxRows + 1) : table };
      },
    };
  }

  /** Terminates the worker (page unload). */
  async close(): Promise<void> {
    const db = this.db;
    this.db = null;
    if (db) await (await db.catch(() => null))?.terminate().catch(() => {});
  }
}

// ---------------------------------------------------------------- console

export interface SqlExample {
  name: Bilingual;
  sql: string;
}

export interface SqlConsoleOptions {
  examples: readonly SqlExample[];
  /** A query from the link (`?q=`): shown, run only on a click. */
  linked: string | null;
  /** Draws the result table (the page passes Inputs.table). */
  table: (rows: Record<string, unknown>[], columns: string[]) => Node;
  /** Called with the query each time one is run (the page writes it to the URL). */
  onRun?: (sql: string) => void;
  /** Runs the initial example at once when there is no linked query (default true). */
  autoRun?: boolean;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  e.append(...children);
  return e;
}

/** Elapsed time: one decimal while counting, two in a final report (0.04 s, not 0.0 s). */
const seconds = (ms: number, lang: "zh" | "en", digits = 2) => `${(ms / 1000).toFixed(digits)}${lang === "zh" ? " 秒" : " s"}`;

/** The editor, its buttons, the running indicator and the result. `dispose()` cancels a running query. */
export function sqlConsole(engine: SqlEngine, options: SqlConsoleOptions): HTMLElement & { dispose(): void } {
  const root = el("div", "sql-console") as HTMLDivElement & { dispose(): void };
  const initial = options.linked ?? options.examples[0]?.sql ?? "";

  const examples = examplesRow(options.examples, (example) => {
    editor.value = example.sql;
    linkNote.hidden = true;
    run();
  });
  const { label, editor, linkNote } = editorParts(initial, options.linked !== null);
  const { actions, runButton, cancelButton, status } = actionRow();
  const result = el("div", "sql-result");

  root.append(examples, label, editor, linkNote, actions, result);

  let current: SqlRun | null = null;
  let ticker: ReturnType<typeof setInterval> | null = null;
  const stopTicker = () => {
    if (ticker !== null) clearInterval(ticker);
    ticker = null;
  };
  const setStatus = (zh: string, en: string, kind: string) => {
    status.className = `sql-status ${kind}`;
    status.replaceChildren(bi(zh, en));
  };

  function run(): void {
    const sql = editor.value;
    if (current) return;
    if (sql.trim() === "") {
      setStatus("请先写一条查询。", "Write a query first.", "sql-idle");
      return;
    }
    options.onRun?.(sql);
    const job = engine.run(sql);
    current = job;
    runButton.disabled = true;
    cancelButton.hidden = false;
    cancelButton.disabled = false;
    root.setAttribute("aria-busy", "true");
    const spinner = el("span", "sql-spinner");
    spinner.setAttribute("aria-hidden", "true");
    const zhTime = el("span", "sql-elapsed");
    const enTime = el("span", "sql-elapsed");
    status.className = "sql-status sql-running";
    status.replaceChildren(spinner, bi(el("span", "", "运行中… 已用 ", zhTime), el("span", "", "Running… ", enTime, " so far")));
    const tick = () => {
      const ms = (typeof performance !== "undefined" ? performance.now() : Date.now()) - job.startedAt;
      zhTime.textContent = seconds(ms, "zh", 1);
      enTime.textContent = seconds(ms, "en", 1);
    };
    tick();
    ticker = setInterval(tick, 100);
    void job.outcome.then((o) => {
      if (current !== job) return;
      stopTicker();
      current = null;
      root.removeAttribute("aria-busy");
      runButton.disabled = false;
      cancelButton.hidden = true;
      show(o);
    });
  }

  function show(o: SqlOutcome): void {
    setStatus(...outcomeStatus(o));
    result.replaceChildren(...outcomeBody(o, (rows, columns) => options.table(rows, columns)));
  }

  runButton.addEventListener("click", run);
  cancelButton.addEventListener("click", () => {
    if (!current) return;
    cancelButton.disabled = true;
    void current.cancel();
  });
  editor.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
    }
  });

  if (options.linked === null && options.autoRun !== false) run();
  else setStatus("按“运行”执行查询(或 Ctrl+Enter)。", "Press Run (or Ctrl+Enter) to run the query.", "sql-idle");

  root.dispose = () => {
    stopTicker();
    void current?.cancel();
  };
  return root;
}

/** The example buttons; `pick` runs when one is pressed. */
function examplesRow(list: SqlConsoleOptions["examples"], pick: (example: SqlConsoleOptions["examples"][number]) => void): HTMLElement {
  const examples = el("div", "sql-examples", el("span", "sql-examples-label", bi("示例：", "Examples:")));
  for (const example of list) {
    const b = el("button", "sql-example", bi(example.name.zh, example.name.en));
    b.type = "button";
    b.addEventListener("click", () => pick(example));
    examples.append(" ", b);
  }
  return examples;
}

/** The editor with its label, and the note shown while a query from the link has not run. */
function editorParts(initial: string, fromLink: boolean): { label: HTMLLabelElement; editor: HTMLTextAreaElement; linkNote: HTMLElement } {
  const editorId = "sql-editor";
  const label = el("label", "sql-label", bi("SQL 查询", "SQL query"));
  label.htmlFor = editorId;
  const editor = el("textarea", "sql-editor");
  editor.id = editorId;
  editor.rows = 8;
  editor.spellcheck = false;
  editor.value = initial;
  editor.setAttribute("autocapitalize", "off");
  const linkNote = el(
    "p",
    "url-notes sql-link-note",
    bi("这条查询来自链接，尚未运行：请先检查，再按“运行”。", "This query came from the link and has not run: check it, then press Run."),
  );
  linkNote.setAttribute("role", "status");
  linkNote.hidden = !fromLink;
  return { label, editor, linkNote };
}

/** Run and Cancel, and the status line. */
function actionRow(): { actions: HTMLElement; runButton: HTMLButtonElement; cancelButton: HTMLButtonElement; status: HTMLElement } {
  const runButton = el("button", "sql-run", bi("运行", "Run"));
  runButton.type = "button";
  const cancelButton = el("button", "sql-cancel", bi("取消", "Cancel"));
  cancelButton.type = "button";
  cancelButton.hidden = true;
  const status = el("span", "sql-status");
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  return { actions: el("div", "sql-actions", runButton, " ", cancelButton, " ", status), runButton, cancelButton, status };
}

/** The status line after a query: zh, en and its class. */
function outcomeStatus(o: SqlOutcome): [zh: string, en: string, kind: string] {
  if (o.status === "cancelled") {
    return [
      `已取消(运行了 ${seconds(o.elapsedMs, "zh")})${o.restarted ? "；DuckDB 已重新启动，表格会重新载入" : ""}。`,
      `Cancelled after ${seconds(o.elapsedMs, "en")}${o.restarted ? "; DuckDB was restarted and reloads the tables" : ""}.`,
      "sql-cancelled",
    ];
  }
  if (o.status === "error") return [`出错(${seconds(o.elapsedMs, "zh")})`, `Failed after ${seconds(o.elapsedMs, "en")}`, "sql-failed"];
  const n = o.rows.length;
  return [
    o.truncated ? `显示前 ${n} 行(结果更多，其余未载入)，用时 ${seconds(o.elapsedMs, "zh")}` : `${n} 行，用时 ${seconds(o.elapsedMs, "zh")}`,
    o.truncated ? `Showing the first ${n.toLocaleString("en-US")} rows (the result has more, not loaded), ${seconds(o.elapsedMs, "en")}` : `${n.toLocaleString("en-US")} ${n === 1 ? "row" : "rows"} in ${seconds(o.elapsedMs, "en")}`,
    o.truncated ? "sql-done sql-truncated" : "sql-done",
  ];
}

/** The result area after a query: nothing (cancelled), the error (and why a query was refused), or the table and its CSV button. */
function outcomeBody(o: SqlOutcome, table: SqlConsoleOptions["table"]): Node[] {
  if (o.status === "cancelled") return [];
  if (o.status === "error") {
    const box = el("div", "input-error sql-error");
    box.setAttribute("role", "alert");
    box.append(el("p", "", bi(o.blocked ? "查询被拒绝：" : "查询出错：", o.blocked ? "Query refused: " : "Query error: "), el("code", "", o.message)));
    if (o.blocked)
      box.append(
        el(
          "p",
          "sql-blocked-why",
          bi(
            "本页的 DuckDB 完全离线运行：不能读写文件或网址、不能挂载(ATTACH)数据库、不能安装或载入扩展，这些设置已锁定。请查询 runs 和 figures 两张表。",
            "DuckDB runs fully offline on this page: it cannot read or write files or web addresses, attach databases, or install or load extensions, and these settings are locked. Query the tables runs and figures.",
          ),
        ),
      );
    return [box];
  }
  const csv = el("button", "", "CSV");
  csv.type = "button";
  csv.addEventListener("click", () => save(new Blob(["\ufeff", toCsv(o.rows, o.columns)], { type: "text/csv;charset=utf-8" }), "query-result.csv"));
  return [o.columns.length ? table(o.rows, o.columns) : el("p", "muted", bi("(没有结果列)", "(no result columns)")), el("div", "download-buttons", csv)];
}

/**
 * Readable cells for a query result: shares (loss ratio, coverage, quantiles of a ratio, p_*) as
 * percentages (0.312 → "31.2 %"), large amounts in 万/亿 (zh) or M/B (en), other numbers with at
 * most 3 decimals; a `unit` column names its unit in the page's language ("元/年", "比例"). The
 * column name decides, since a result carries no units.
 */
export function columnFormat(columns: readonly string[], lang: "zh" | "en"): Record<string, (v: unknown) => string> {
  const share = /(ratio|coverage|share|^p_|^q\d+$|^median$|rate$)/i;
  const out: Record<string, (v: unknown) => string> = {};
  for (const c of columns) {
    out[c] = (v: unknown) => {
      if (typeof v === "bigint") v = Number(v);
      if (c === "unit" && typeof v === "string") return unitName(v, lang);
      if (typeof v !== "number") return v === null || v === undefined ? "—" : String(v);
      if (!Number.isFinite(v)) return "—";
      if (share.test(c) && Math.abs(v) <= 100) return `${(100 * v).toFixed(1)} %`;
      if (Math.abs(v) >= 1e4) return formatAmount(v, lang);
      return String(Number(v.toFixed(3)));
    };
  }
  return out;
}
