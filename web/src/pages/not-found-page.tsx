import { Link } from 'react-router';
import { EmptyState } from '../components/states.tsx';

export function NotFoundPage() {
  return (
    <div className="page">
      <div className="card">
        <EmptyState
          icon="alert"
          title="Page not found"
          description="The address may be mistyped, or the page has moved."
          action={
            <Link to="/" className="btn btn-secondary">
              Back to the dashboard
            </Link>
          }
        />
      </div>
    </div>
  );
}
