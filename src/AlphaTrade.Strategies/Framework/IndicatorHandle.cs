using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;
using AlphaTrade.Indicators;

namespace AlphaTrade.Strategies.Framework;

/// <summary>
/// One streaming indicator from the indicator library, kept per member symbol on one time frame. Registered once at
/// initialisation (<see cref="StrategySetup.Indicator"/>); the framework feeds it every completed bar of its time
/// frame before the strategy sees the step, so its value at a step covers exactly the bars completed by then.
/// </summary>
public sealed class IndicatorHandle
{
    private readonly IIndicatorStream?[] _streams;

    // Each stream's output array where the library exposes it (what its indexer reads): a read without an interface call.
    private readonly double[]?[] _outputs;

    internal IndicatorHandle(IndicatorDefinition definition, double[] parameters, PriceField[] sources, TimeFrame timeFrame, StrategyUniverse universe)
    {
        Definition = definition;
        Parameters = parameters;
        TimeFrame = timeFrame;
        _streams = new IIndicatorStream?[universe.Symbols.Count];
        foreach (int id in universe.Ids)
        {
            _streams[id] = definition.CreateStream(parameters, sources);
        }

        _outputs = new double[]?[_streams.Length];
        BindOutputs();
    }

    /// <summary>The indicator.</summary>
    public IndicatorDefinition Definition { get; }

    /// <summary>Its parameters, in the definition's order.</summary>
    internal double[] Parameters { get; }

    /// <summary>The time frame whose bars feed it.</summary>
    public TimeFrame TimeFrame { get; }

    /// <summary>First output for <paramref name="symbolId"/> (NaN during warm-up or outside the universe).</summary>
    public double Value(int symbolId) => _outputs[symbolId] is { } o ? o[0] : _streams[symbolId] is { } s ? s[0] : double.NaN;

    /// <summary>Output <paramref name="output"/> for <paramref name="symbolId"/>.</summary>
    public double Value(int symbolId, int output) =>
        _outputs[symbolId] is { } o && (uint)output < (uint)o.Length ? o[output] : _streams[symbolId] is { } s ? s[output] : double.NaN;

    /// <summary>True once the warm-up of <paramref name="symbolId"/>'s stream is over.</summary>
    public bool IsReady(int symbolId) => _streams[symbolId]?.IsReady == true;

    internal void Update(int symbolId, in Bar bar) => _streams[symbolId]?.Update(bar);

    /// <summary>Feeds every member symbol of <paramref name="slice"/> its bar (non-members have no stream).</summary>
    internal void UpdateAll(BarSlice slice) => IndicatorStreams.UpdateAll(_streams, slice);

    internal void Save(StateWriter w)
    {
        for (int i = 0; i < _streams.Length; i++)
        {
            if (_streams[i] is { } s)
            {
                w.Object("ind", s);
            }
        }
    }

    internal void Load(StateReader r)
    {
        for (int i = 0; i < _streams.Length; i++)
        {
            if (_streams[i] is { } s)
            {
                r.Object("ind", s);
            }
        }

        BindOutputs();
    }

    private void BindOutputs()
    {
        for (int i = 0; i < _streams.Length; i++)
        {
            _outputs[i] = _streams[i] is { } s ? IndicatorStreams.OutputArray(s) : null;
        }
    }
}
