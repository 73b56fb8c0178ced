using AlphaTrade.Core.Market;

namespace AlphaTrade.Indicators;

/// <summary>
/// One indicator kept for a set of member symbols at once: what one <see cref="IIndicatorStream"/> per member would
/// report, bit for bit, with every member's state held side by side (outputs, warm-up counters and the indicator's
/// own state in arrays over symbols) so that feeding a whole step touches little memory and makes no call per
/// symbol through an interface. Non-members are ignored when fed and report NaN. Not thread-safe.
/// </summary>
public interface IIndicatorBank
{
    /// <summary>What this indicator is.</summary>
    IndicatorInfo Info { get; }

    /// <summary>Number of outputs per symbol.</summary>
    int OutputCount { get; }

    /// <summary>True when <paramref name="symbolId"/> is a member.</summary>
    bool IsMember(int symbolId);

    /// <summary>Feeds <paramref name="symbolId"/> its next bar (ignored for a non-member).</summary>
    void Update(int symbolId, in Bar bar);

    /// <summary>Feeds every member present in <paramref name="slice"/> its bar, as <see cref="Update"/> on each in turn would.</summary>
    void UpdateAll(BarSlice slice);

    /// <summary>Output <paramref name="output"/> of <paramref name="symbolId"/> at its last bar (NaN during warm-up or for a non-member).</summary>
    double Value(int symbolId, int output = 0);

    /// <summary>
    /// Every symbol's outputs in one block, symbol-major (element <c>symbolId × OutputCount + output</c> is
    /// <see cref="Value"/>), kept current in place, or empty when the bank keeps no such block. Read it, never write it.
    /// </summary>
    ReadOnlyMemory<double> Outputs { get; }

    /// <summary>True once the warm-up of <paramref name="symbolId"/> is over (false for a non-member).</summary>
    bool IsReady(int symbolId);
}

/// <summary>A bank made of one stream per member: the general form, for definitions without a specialised bank.</summary>
internal sealed class StreamBank : IIndicatorBank
{
    private readonly IIndicatorStream?[] _streams;

    public StreamBank(IndicatorDefinition definition, ReadOnlySpan<double> parameters, int symbolCount, ReadOnlySpan<int> members,
        ReadOnlySpan<PriceField> sources)
    {
        Info = definition.Info;
        _streams = new IIndicatorStream?[symbolCount];
        foreach (int id in members)
        {
            _streams[id] = definition.CreateStream(parameters, sources);
        }

        OutputCount = definition.Info.Outputs.Count;
    }

    public IndicatorInfo Info { get; }

    public int OutputCount { get; }

    public bool IsMember(int symbolId) => _streams[symbolId] is not null;

    public void Update(int symbolId, in Bar bar) => _streams[symbolId]?.Update(bar);

    public void UpdateAll(BarSlice slice) => IndicatorStreams.UpdateAll(_streams, slice);

    public double Value(int symbolId, int output = 0) => _streams[symbolId] is { } s ? s[output] : double.NaN;

    public ReadOnlyMemory<double> Outputs => ReadOnlyMemory<double>.Empty;

    public bool IsReady(int symbolId) => _streams[symbolId]?.IsReady == true;
}
