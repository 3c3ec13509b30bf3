import { useEffect, useState } from 'preact/hooks';
import type { Artifact } from '@/utils/evidence/types';
import type { ArtifactContent } from './types';
import { evidenceText } from '@/utils/text';

export interface ArtifactPreviewProps {
  artifact: Artifact;
  load: (artifact: Artifact) => Promise<ArtifactContent>;
}

/** The captured text or one table, read when the preview opens; tables drawn as a table, never as HTML. */
export function ArtifactPreview({ artifact, load }: ArtifactPreviewProps) {
  const [content, setContent] = useState<ArtifactContent | null>(null);
  useEffect(() => {
    let current = true;
    load(artifact).then(
      (loaded) => current && setContent(loaded),
      (failure: unknown) => current && setContent({ kind: 'unavailable', message: String(failure) }),
    );
    return () => {
      current = false;
    };
  }, [artifact, load]);

  if (content === null) return <p class="hint">{evidenceText.loading(artifact.name)}</p>;
  if (content.kind === 'unavailable') return <p class="error">{content.message}</p>;
  if (content.kind === 'image') return <img src={content.url} alt={artifact.name} class="fit" />;
  if (content.kind === 'text') {
    return (
      <div>
        <pre class="text-preview" data-testid="text-preview">
          {content.text}
        </pre>
        {content.truncated && <p class="hint">{evidenceText.textTruncated}</p>}
      </div>
    );
  }
  const [header, ...body] = content.rows;
  return (
    <div class="table-scroll">
      <table class="data" data-testid="table-preview">
        {header && (
          <thead>
            <tr>
              {header.map((cell, index) => (
                <th key={index} scope="col">
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
        )}
        <tbody>
          {body.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {row.map((cell, index) => (
                <td key={index}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {content.truncated && <p class="hint">{evidenceText.tableTruncated}</p>}
    </div>
  );
}
