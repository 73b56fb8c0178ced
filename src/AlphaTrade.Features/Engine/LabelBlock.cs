namespace AlphaTrade.Features.Engine;

/// <summary>
/// Labels of one kind. Labels look forward by definition, so they are computed in batch only, from a symbol's whole
/// series, and are never inputs of features.
/// </summary>
internal abstract class LabelBlock
{
    protected LabelBlock(IReadOnlyList<LabelInfo> labels, IReadOnlyList<string> endColumns)
    {
        Labels = labels;
        EndColumns = endColumns;
    }

    public IReadOnlyList<LabelInfo> Labels { get; }

    /// <summary>Names of the label end-time columns this block fills (UTC ticks of the bar at which a label resolves).</summary>
    public IReadOnlyList<string> EndColumns { get; }

    /// <summary>Writes labels into <c>outputs[offset + k]</c> and end times into <c>ends[endOffset + k]</c>.</summary>
    public abstract void Compute(SymbolBatch batch, double[][] outputs, int offset, long[][] ends, int endOffset);
}
