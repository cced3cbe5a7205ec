// The hub's TLS from the configuration: its own certificate and key, or a self-signed trial pair made
// once in dataDir/hub/tls; and what the agent trusts and shows: agent.hubCaFile (else, for the local hub
// on its trial pair, that pair's certificate) and its client certificate for mutual TLS.
import { ensureSelfSignedPair, type TlsServerFiles } from '@branch/cloud-sync';
import { join, resolve } from 'node:path';
import type { BranchConfig } from './config-schema.ts';

const selfSignedDir = (dataDir: string): string => join(dataDir, 'hub', 'tls');
const absent = (file: string): string | undefined => (file === '' ? undefined : resolve(file));

export function hubUsesTls(config: BranchConfig): boolean {
  return config.hub.tlsCertFile !== '' || config.hub.tlsSelfSigned;
}

/** The hub listener's TLS files (the trial pair made when asked for and missing), or none. */
export function hubTlsFiles(config: BranchConfig, dataDir: string): TlsServerFiles | undefined {
  const h = config.hub;
  const clientCaFile = absent(h.tlsClientCaFile);
  const withCa = clientCaFile === undefined ? {} : { clientCaFile };
  if (h.tlsCertFile !== '')
    return { certFile: resolve(h.tlsCertFile), keyFile: resolve(h.tlsKeyFile), ...withCa };
  if (!h.tlsSelfSigned) return undefined;
  const { certFile, keyFile } = ensureSelfSignedPair(selfSignedDir(dataDir), [h.host]);
  return { certFile, keyFile, ...withCa };
}

/** The agent's hub TLS options (absolute paths), none when it keeps the system's roots and no cert. */
export function agentHubTls(
  config: BranchConfig,
  dataDir: string,
): { caFile?: string; certFile?: string; keyFile?: string } {
  const a = config.agent;
  const trialPair = a.hubUrl === '' && config.hub.tlsCertFile === '' && config.hub.tlsSelfSigned;
  const caFile =
    absent(a.hubCaFile) ?? (trialPair ? join(selfSignedDir(dataDir), 'hub-cert.pem') : undefined);
  const certFile = absent(a.hubCertFile);
  const keyFile = absent(a.hubKeyFile);
  return {
    ...(caFile === undefined ? {} : { caFile }),
    ...(certFile === undefined || keyFile === undefined ? {} : { certFile, keyFile }),
  };
}
