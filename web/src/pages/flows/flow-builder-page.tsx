// /flows/:flowId: loads the flow and opens the builder on its draft.
import { ReactFlowProvider } from '@xyflow/react';
import { useParams } from 'react-router';
import { useFlow } from '../../api/flows-api.ts';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { FlowBuilder } from '../../flow-builder/flow-builder.tsx';

export function FlowBuilderPage() {
  const { flowId = '' } = useParams();
  const flow = useFlow(flowId);
  if (flow.isPending) {
    return <LoadingState label="Opening the flow…" />;
  }
  if (flow.error) {
    return <ErrorState error={flow.error} onRetry={() => void flow.refetch()} />;
  }
  return (
    <ReactFlowProvider key={flowId}>
      <FlowBuilder flow={flow.data} />
    </ReactFlowProvider>
  );
}
