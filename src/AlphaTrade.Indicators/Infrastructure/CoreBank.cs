using System.Runtime.CompilerServices;
using AlphaTrade.Core.Market;

namespace AlphaTrade.Indicators.Infrastructure;

/// <summary>
/// The bank form of a core: per member symbol exactly what a <see cref="CoreStream{TCore}"/> does (the invalid-bar
/// rule, the warm-up through a 5-value scratch, then the core writing straight into the outputs), with the cores in
/// one array and outputs, scratch and counters in flat arrays over symbols.
/// </summary>
internal sealed class CoreBank<TCore> : IIndicatorBank
    where TCore : struct, ICore
{
    private const int ScratchSize = 5;
    private readonly TCore[] _cores;
    private readonly bool[] _member;
    private readonly double[] _out;
    private readonly double[] _scratch;
    private readonly int[] _segment;
    private readonly int _outputs;
    private readonly int _lookback;
    private readonly PriceInputs _used;
    private readonly PriceField _s0;
    private readonly PriceField _s1;
    private readonly int _seriesCount;

    public CoreBank(IndicatorInfo info, TCore[] cores, bool[] member, int lookback, PriceInputs used, ReadOnlySpan<PriceField> sources)
    {
        Info = info;
        _cores = cores;
        _member = member;
        _lookback = lookback;
        _used = used;
        _seriesCount = info.Series.Count;
        _s0 = _seriesCount > 0 ? sources[0] : PriceField.Close;
        _s1 = _seriesCount > 1 ? sources[1] : PriceField.Close;
        _outputs = info.Outputs.Count;
        _out = new double[cores.Length * _outputs];
        Array.Fill(_out, double.NaN);
        _scratch = new double[cores.Length * ScratchSize];
        _segment = new int[cores.Length];
    }

    public IndicatorInfo Info { get; }

    public int OutputCount => _outputs;

    public bool IsMember(int symbolId) => _member[symbolId];

    public double Value(int symbolId, int output = 0)
    {
        if ((uint)output >= (uint)_outputs)
        {
            throw new ArgumentOutOfRangeException(nameof(output), output, $"{Info.Name} has {_outputs} outputs.");
        }

        return _member[symbolId] ? _out[(symbolId * _outputs) + output] : double.NaN;
    }

    // Non-members' outputs are never written: NaN, as Value reports for them.
    public ReadOnlyMemory<double> Outputs => _out;

    public bool IsReady(int symbolId) => _member[symbolId] && _segment[symbolId] > _lookback;

    public void Update(int symbolId, in Bar bar)
    {
        if (_member[symbolId])
        {
            Step(symbolId, bar.TimeUtcTicks, bar.Open, bar.High, bar.Low, bar.Close, bar.Volume);
        }
    }

    public void UpdateAll(BarSlice slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        var ids = slice.Symbols;
        var o = slice.Open;
        var h = slice.High;
        var l = slice.Low;
        var c = slice.Close;
        var v = slice.Volume;
        long time = slice.StartUtcTicks;
        var member = _member;
        var cores = _cores;
        var segments = _segment;
        var outputs = _out;
        int lookback = _lookback;
        int k = _outputs;
        for (int i = 0; i < ids.Length; i++)
        {
            int id = ids[i];
            if (!member[id])
            {
                continue;
            }

            double open = o[id], high = h[id], low = l[id], close = c[id], volume = v[id];
            double r0 = _seriesCount > 0 ? CoreInputs.Pick(_s0, open, high, low, close, volume, double.NaN) : 0;
            double r1 = _seriesCount > 1 ? CoreInputs.Pick(_s1, open, high, low, close, volume, double.NaN) : 0;
            int segment = segments[id];
            if (segment > lookback && CoreInputs.IsValid(_used, open, high, low, close, volume, r0, r1))
            {
                // The direct phase, what Step does for it: the core writes straight into the outputs.
                cores[id].Update(CoreInputs.ToTick(time, open, high, low, close, volume, r0, r1), outputs.AsSpan(id * k, k));
                segments[id] = segment + 1;
            }
            else
            {
                StepSlow(id, time, open, high, low, close, volume);
            }
        }
    }

    // Warm-up and invalid bars, out of the direct phase's loop.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void StepSlow(int id, long time, double open, double high, double low, double close, double volume) =>
        Step(id, time, open, high, low, close, volume);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Step(int id, long time, double open, double high, double low, double close, double volume)
    {
        double r0 = _seriesCount > 0 ? CoreInputs.Pick(_s0, open, high, low, close, volume, double.NaN) : 0;
        double r1 = _seriesCount > 1 ? CoreInputs.Pick(_s1, open, high, low, close, volume, double.NaN) : 0;
        int k = _outputs;
        ref TCore core = ref _cores[id];
        if (!CoreInputs.IsValid(_used, open, high, low, close, volume, r0, r1))
        {
            core.Reset();
            if (_segment[id] > _lookback)
            {
                // Leaving the direct phase: the scratch takes back the last values written.
                _out.AsSpan(id * k, k).CopyTo(_scratch.AsSpan(id * ScratchSize, ScratchSize));
            }

            _segment[id] = 0;
            _out.AsSpan(id * k, k).Fill(double.NaN);
            return;
        }

        var t = CoreInputs.ToTick(time, open, high, low, close, volume, r0, r1);
        int segment = _segment[id];
        if (segment > _lookback)
        {
            core.Update(t, _out.AsSpan(id * k, k));
            _segment[id] = segment + 1;
            return;
        }

        var scratch = _scratch.AsSpan(id * ScratchSize, ScratchSize);
        core.Update(t, scratch);
        _segment[id] = ++segment;
        if (segment > _lookback)
        {
            scratch[..k].CopyTo(_out.AsSpan(id * k, k));
        }
    }
}
