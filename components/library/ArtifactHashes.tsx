import type { Artifact } from '@/utils/evidence/types';
import { formatBytes } from './labels';
import { evidenceText } from '@/utils/text';

export interface ArtifactHashesProps {
  artifacts: readonly Artifact[];
  /** False on a tombstone: the hashes stay, the bytes are gone. */
  bytesStored: boolean;
  onDownload: (artifact: Artifact) => void;
}

/** Every stored file of the evidence with its size and SHA-256, so anyone can check a copy. */
export function ArtifactHashes({ artifacts, bytesStored, onDownload }: ArtifactHashesProps) {
  return (
    <div class="table-scroll">
      <table class="data artifact-hashes" data-testid="artifact-hashes">
        <thead>
          <tr>
            <th scope="col">{evidenceText.columns.file}</th>
            <th scope="col">{evidenceText.columns.type}</th>
            <th scope="col">{evidenceText.columns.size}</th>
            <th scope="col">{evidenceText.columns.sha256}</th>
            <th scope="col">
              <span class="visually-hidden">{evidenceText.columns.save}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {artifacts.map((artifact) => (
            <tr key={artifact.name}>
              <td>{artifact.name}</td>
              <td>{artifact.mimeType}</td>
              <td>{formatBytes(artifact.size)}</td>
              <td>
                <code class="hash" data-testid="artifact-sha256">
                  {artifact.sha256}
                </code>
              </td>
              <td>
                {bytesStored ? (
                  <button type="button" class="link" onClick={() => onDownload(artifact)}>
                    {evidenceText.saveCopy}
                  </button>
                ) : (
                  <span class="hint">{evidenceText.bytesDeleted}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
