import { commonText } from '@/utils/text';

/** Why a save was refused: the background's sentences, one per line. */
export function ProblemList({ problems, testId }: { problems: readonly string[]; testId: string }) {
  if (problems.length === 0) return null;
  return (
    <div role="alert" class="error" data-testid={testId}>
      <p>{commonText.notSaved}</p>
      <ul>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}
