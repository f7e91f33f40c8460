/**
 * A real single-node Apache Kafka broker (KRaft, broker+controller in one JVM) for tests.
 *
 * No Docker here: Maven resolves the broker jars from Maven Central once into a cache
 * (see kafka/pom.xml), and the machine's Java 17 runs `kafka.Kafka` as a child process.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, existsSync, openSync, promises as fs, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';

export interface KafkaBroker {
  /** bootstrap servers, e.g. "127.0.0.1:40123" */
  brokers: string;
  /** the broker's working directory: config, data (data/) and output (broker.log) */
  dir: string;
  /** SIGTERM and wait for exit (SIGKILL after 15 s); removes `dir` when it was a temp dir. */
  stop(): Promise<void>;
  /** SIGKILL now, as a crash would. */
  kill(): void;
  /** Stop (as stop(), keeping `dir`) and start again on the same ports and data; also after kill(). */
  restart(): Promise<void>;
}

const POM = path.join(__dirname, 'kafka', 'pom.xml');
const MARKER = '.saeil-complete';
// Pinned: an unpinned plugin resolves to the newest release, which may need a newer Maven.
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';
const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 15_000;
const LOG_TAIL_LINES = 60;

/** true when both `java` and `mvn` are on PATH, which is all the broker needs. */
export function javaAvailable(): boolean {
  return onPath('java') && onPath('mvn');
}

/**
 * Directory holding the broker's runtime jars, resolved by Maven on first use.
 * Cache: $SAEIL_KAFKA_CACHE (default ~/.cache/saeil)/kafka-<version>/libs. A marker file holding
 * a hash of the pom is written after a complete copy, so an interrupted copy or a changed pom
 * resolves again, and a complete one skips Maven entirely.
 */
export async function resolveKafkaJars(log: (line: string) => void = console.log): Promise<string> {
  const pom = readFileSync(POM, 'utf8');
  const libs = path.join(cacheRoot(), `kafka-${kafkaVersion(pom)}`, 'libs');
  const fingerprint = createHash('sha256').update(pom).digest('hex');
  if (readMarker(libs) === fingerprint) return libs;

  log(`Resolving Apache Kafka ${kafkaVersion(pom)} jars with Maven into ${libs} (first run only)...`);
  // Copy into a private staging dir and rename it into place, so concurrent runs never see a
  // half-filled libs dir.
  const staging = `${libs}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await runCommand('mvn', [
      '-q',
      '-B',
      '-f',
      POM,
      `${DEPENDENCY_PLUGIN}:copy-dependencies`,
      `-DoutputDirectory=${staging}`,
      '-DincludeScope=runtime',
    ]);
    await fs.writeFile(path.join(staging, MARKER), fingerprint);
    await fs.rm(libs, { recursive: true, force: true });
    await fs.rename(staging, libs).catch((error: unknown) => {
      if (readMarker(libs) !== fingerprint) throw error; // else a concurrent run got there first
    });
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
  return libs;
}

export async function startKafkaBroker(opts: { dir?: string } = {}): Promise<KafkaBroker> {
  const libs = await resolveKafkaJars();
  installCleanup();
  const dir = opts.dir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'saeil-kafka-')));
  if (!opts.dir) tempDirs.add(dir);
  const [port, controllerPort] = await freePorts(2);
  const brokers = `127.0.0.1:${port}`;
  const files = brokerFiles(dir);
  let child: ChildProcess;
  try {
    await writeConfig(files, port, controllerPort);
    await formatStorage(libs, files);
    child = await launch(libs, files, brokers);
  } catch (error) {
    if (tempDirs.delete(dir)) await fs.rm(dir, { recursive: true, force: true });
    throw error;
  }

  return {
    brokers,
    dir,
    // Final: also removes the working directory when we made it (a temp dir).
    stop: async () => {
      await terminate(child);
      if (tempDirs.delete(dir)) await fs.rm(dir, { recursive: true, force: true });
    },
    kill: () => {
      child.kill('SIGKILL');
    },
    restart: async () => {
      await terminate(child);
      child = await launch(libs, files, brokers);
    },
  };
}

// --- jars and configuration -----------------------------------------------------------------

function kafkaVersion(pom: string): string {
  const match = /<kafka\.version>\s*([^<\s]+)\s*<\/kafka\.version>/.exec(pom);
  if (!match) throw new Error(`${POM} has no <kafka.version> property`);
  return match[1];
}

function cacheRoot(): string {
  return process.env.SAEIL_KAFKA_CACHE || path.join(os.homedir(), '.cache', 'saeil');
}

function readMarker(libs: string): string | undefined {
  try {
    return readFileSync(path.join(libs, MARKER), 'utf8').trim();
  } catch {
    return undefined;
  }
}

interface BrokerFiles {
  dir: string;
  serverProperties: string;
  log4jProperties: string;
  logFile: string;
}

function brokerFiles(dir: string): BrokerFiles {
  return {
    dir,
    serverProperties: path.join(dir, 'server.properties'),
    log4jProperties: path.join(dir, 'log4j.properties'),
    logFile: path.join(dir, 'broker.log'),
  };
}

async function writeConfig(files: BrokerFiles, port: number, controllerPort: number): Promise<void> {
  await fs.mkdir(files.dir, { recursive: true });
  await fs.writeFile(files.serverProperties, serverProperties(files.dir, port, controllerPort));
  await fs.writeFile(files.log4jProperties, LOG4J_PROPERTIES);
}

function serverProperties(dir: string, port: number, controllerPort: number): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    `log.dirs=${path.join(dir, 'data')}`,
    // One broker: internal topics cannot have more than one replica.
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    // Fewer internal partitions: the first consumer group / transaction gets its coordinator
    // in a fraction of the time 50 partitions take to create.
    'offsets.topic.num.partitions=1',
    'transaction.state.log.num.partitions=1',
    // After a crash (kill()), the restarted broker cannot register again until the controller
    // has expired its previous session: 9 s by default. Fault tests restart brokers on purpose.
    'broker.session.timeout.ms=4000',
    'broker.heartbeat.interval.ms=500',
    // Tests join consumer groups constantly; the default 3 s delay would slow every one of them.
    'group.initial.rebalance.delay.ms=0',
    'num.partitions=1',
    // Topics are created explicitly by the application (and the tests), as in production.
    'auto.create.topics.enable=false',
    '',
  ].join('\n');
}

// WARN keeps the output readable; KafkaRaftServer INFO still says when the broker has started.
const LOG4J_PROPERTIES = [
  'log4j.rootLogger=WARN, stdout',
  'log4j.appender.stdout=org.apache.log4j.ConsoleAppender',
  'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout',
  'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n',
  'log4j.logger.kafka.server.KafkaRaftServer=INFO',
  '',
].join('\n');

function javaArgs(libs: string, files: BrokerFiles): string[] {
  return [
    // Java expands the classpath wildcard itself; no shell involved.
    '-cp',
    path.join(libs, '*'),
    `-Dlog4j.configuration=${pathToFileURL(files.log4jProperties).href}`,
    `-Dkafka.logs.dir=${path.join(files.dir, 'logs')}`,
    '-Djava.awt.headless=true',
  ];
}

/**
 * KRaft storage must be formatted once (a restart keeps it). `kafka-storage format` costs a JVM
 * start, and what it writes (meta.properties, bootstrap.checkpoint) holds no paths or ports, so
 * we format once into the cache and copy the result. Test brokers thus share a cluster id, which
 * is harmless: they never talk to each other, and clients do not check it.
 */
async function formatStorage(libs: string, files: BrokerFiles): Promise<void> {
  const data = path.join(files.dir, 'data');
  if (existsSync(path.join(data, 'meta.properties'))) return;
  await fs.cp(await formattedTemplate(libs), data, { recursive: true });
}

async function formattedTemplate(libs: string): Promise<string> {
  const template = path.join(path.dirname(libs), 'formatted-storage');
  if (existsSync(path.join(template, 'meta.properties'))) return template;
  const staging = `${template}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const files = brokerFiles(staging);
    await writeConfig(files, 9092, 9093); // format does not use the ports
    await runCommand('java', [
      // A short-lived tool: C1 only and serial GC make the JVM start noticeably faster.
      '-XX:TieredStopAtLevel=1',
      '-XX:+UseSerialGC',
      ...javaArgs(libs, files),
      'kafka.tools.StorageTool',
      'format',
      '-t',
      clusterId(),
      '-c',
      files.serverProperties,
    ]);
    await fs.rename(path.join(staging, 'data'), template).catch((error: unknown) => {
      if (!existsSync(path.join(template, 'meta.properties'))) throw error; // else a concurrent run won
    });
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
  return template;
}

/** What `kafka-storage random-uuid` prints (base64url of 16 random bytes), without a JVM start. */
function clusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id; // Kafka avoids these too: they look like CLI options
  }
}

// --- the broker process --------------------------------------------------------------------

async function launch(libs: string, files: BrokerFiles, brokers: string): Promise<ChildProcess> {
  // The broker writes straight into broker.log (appending across restarts), so nothing in
  // Node has to drain its output and the log survives for post-mortems.
  const out = openSync(files.logFile, 'a');
  const child = spawn(
    'java',
    [
      '-Xms256m',
      '-Xmx512m',
      '-XX:+UseG1GC',
      '-XX:MaxGCPauseMillis=20',
      ...javaArgs(libs, files),
      'kafka.Kafka',
      files.serverProperties,
    ],
    { cwd: files.dir, stdio: ['ignore', out, out], detached: false },
  );
  closeSync(out);
  child.once('error', () => undefined); // spawn failure: pid stays undefined, reported below
  track(child);
  try {
    await waitUntilReady(child, brokers, files.logFile);
  } catch (error) {
    await terminate(child);
    throw error;
  }
  return child;
}

async function waitUntilReady(child: ChildProcess, brokers: string, logFile: string): Promise<void> {
  if (child.pid === undefined) throw new Error('could not start java (is it on PATH?)');
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!isRunning(child)) {
      throw new Error(
        `Kafka broker exited during start-up (code ${child.exitCode}, signal ${child.signalCode}).\n${logTail(logFile)}`,
      );
    }
    if (await answersDescribeCluster(brokers)) return;
    await sleep(250);
  }
  throw new Error(`Kafka broker at ${brokers} not ready after ${READY_TIMEOUT_MS / 1000} s.\n${logTail(logFile)}`);
}

async function answersDescribeCluster(brokers: string): Promise<boolean> {
  const admin = new Kafka({
    clientId: 'saeil-harness-probe',
    brokers: [brokers],
    logLevel: logLevel.NOTHING, // connection refused is expected until the broker is up
    connectionTimeout: 1000,
    requestTimeout: 2000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    if (cluster.brokers.length === 0) return false;
    // Ready for consumer groups too: this makes the broker create __consumer_offsets and load
    // its group coordinator now, instead of every first consumer logging "coordinator not available".
    await admin.describeGroups(['saeil-harness-probe']);
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

async function terminate(child: ChildProcess): Promise<void> {
  if (!isRunning(child)) return;
  const exited = exitOf(child);
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}

function isRunning(child: ChildProcess): boolean {
  return child.pid !== undefined && child.exitCode === null && child.signalCode === null;
}

function exitOf(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (!isRunning(child)) resolve();
    else child.once('exit', () => resolve());
  });
}

// --- never leave a JVM behind ----------------------------------------------------------------

const live = new Set<ChildProcess>();
const tempDirs = new Set<string>();
let cleanupInstalled = false;

function track(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
}

function killAll(): void {
  for (const child of live) child.kill('SIGKILL');
  // Unlinking files a dying JVM still holds open is fine on Linux.
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}

/**
 * The broker is an ordinary child: it does not die with us by itself. Kill it when this process
 * exits, and on the signals that would end it without an 'exit' event.
 */
function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = (): void => {
      killAll();
      // Alone, our listener would have cancelled the default "die from this signal": restore it.
      if (process.listenerCount(signal) === 1) {
        process.removeListener(signal, onSignal);
        process.kill(process.pid, signal);
      }
    };
    process.on(signal, onSignal);
  }
}

// --- small helpers ---------------------------------------------------------------------------

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir || '.', command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Runs a command to completion; on failure the error carries the end of its output. */
function runCommand(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', (error) => reject(new Error(`could not run ${command}: ${error.message}`)));
    child.once('close', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(`${command} ${args.join(' ')} failed (code ${code}, signal ${signal}):\n${lastLines(output)}`),
        );
    });
  });
}

/** Free TCP ports on loopback, all held open together so they are distinct. */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<net.Server>((resolve, reject) => {
          const server = net.createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => (server.address() as net.AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

function logTail(logFile: string): string {
  try {
    return `Last lines of ${logFile}:\n${lastLines(readFileSync(logFile, 'utf8'))}`;
  } catch {
    return `(no broker output in ${logFile})`;
  }
}

function lastLines(text: string): string {
  return text.trimEnd().split('\n').slice(-LOG_TAIL_LINES).join('\n');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
