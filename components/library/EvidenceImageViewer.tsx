import { useEffect, useState } from 'preact/hooks';
import type { Artifact } from '@/utils/evidence/types';
import type { ArtifactContent } from './types';
import { evidenceText } from '@/utils/text';

export interface EvidenceImageViewerProps {
  /** The images to choose from, stamped first (e.g. stamped and original, or an image file). */
  images: readonly Artifact[];
  title: string;
  load: (artifact: Artifact) => Promise<ArtifactContent>;
}

const ZOOM_STEPS = [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4];
const ROLE_LABELS: Partial<Record<Artifact['role'], string>> = evidenceText.imageRoles;

/** The screenshot with zoom (fit, steps, 100 %) and a switch between the stamped and the original image. */
export function EvidenceImageViewer({ images, title, load }: EvidenceImageViewerProps) {
  const [chosen, setChosen] = useState(images[0]?.name ?? '');
  const [zoom, setZoom] = useState<number | 'fit'>('fit');
  const [content, setContent] = useState<ArtifactContent | null>(null);
  const [naturalWidth, setNaturalWidth] = useState(0);
  const artifact = images.find((candidate) => candidate.name === chosen) ?? images[0];

  useEffect(() => {
    if (!artifact) return;
    let current = true;
    setContent(null);
    setNaturalWidth(0);
    load(artifact).then(
      (loaded) => current && setContent(loaded),
      (failure: unknown) => current && setContent({ kind: 'unavailable', message: String(failure) }),
    );
    return () => {
      current = false;
    };
  }, [artifact, load]);

  if (!artifact) return null;
  const step = (direction: 1 | -1) => {
    const now = zoom === 'fit' ? 1 : zoom;
    const next =
      direction > 0
        ? ZOOM_STEPS.find((value) => value > now)
        : [...ZOOM_STEPS].reverse().find((value) => value < now);
    setZoom(next ?? now);
  };

  return (
    <div class="image-viewer" data-testid="image-viewer">
      <div class="image-toolbar">
        {images.length > 1 && (
          <div role="radiogroup" aria-label={evidenceText.image} class="image-choice">
            {images.map((image) => (
              <label key={image.name} class="inline">
                <input
                  type="radio"
                  name="evidence-image"
                  checked={image.name === artifact.name}
                  onChange={() => setChosen(image.name)}
                />
                {ROLE_LABELS[image.role] ?? image.name}
              </label>
            ))}
          </div>
        )}
        <div role="group" aria-label={evidenceText.zoom} class="zoom-controls">
          <button type="button" aria-label={evidenceText.zoomOut} onClick={() => step(-1)}>
            −
          </button>
          <button type="button" aria-pressed={zoom === 'fit'} onClick={() => setZoom('fit')}>
            {evidenceText.fit}
          </button>
          <button type="button" aria-pressed={zoom === 1} onClick={() => setZoom(1)}>
            100 %
          </button>
          <button type="button" aria-label={evidenceText.zoomIn} onClick={() => step(1)}>
            +
          </button>
          <span class="hint" data-testid="zoom-level">
            {zoom === 'fit' ? evidenceText.fitToWidth : `${Math.round(zoom * 100)} %`}
          </span>
        </div>
      </div>
      <div class="image-frame">
        {content === null && <p class="hint">{evidenceText.loadingImage}</p>}
        {content?.kind === 'unavailable' && <p class="error">{content.message}</p>}
        {content?.kind === 'image' && (
          <img
            src={content.url}
            alt={evidenceText.imageAlt(ROLE_LABELS[artifact.role] ?? artifact.name, title)}
            class={zoom === 'fit' ? 'fit' : 'zoomed'}
            style={
              zoom === 'fit' || naturalWidth === 0
                ? undefined
                : { width: `${Math.round(naturalWidth * zoom)}px` }
            }
            onLoad={(event) => setNaturalWidth(event.currentTarget.naturalWidth)}
          />
        )}
      </div>
    </div>
  );
}
