using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.MathOperators;

/// <summary>Running sum over the period (TA-Lib SUM, add-read-subtract order).</summary>
public static class Sum
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("sum", "SUM", IndicatorCategory.MathOperator, "Summation over period", PriceInputs.None, [Meta.Period(30, 1)], ["sum"], Meta.TaLib, Meta.Close),
        p => Meta.I(p, 0) - 1,
        p => new Core(Meta.I(p, 0)));

    internal struct Core(int period) : ICore
    {
        private TrailingSum _sum = new(period);

        public void Reset() => _sum.Reset();

        public void Update(in Tick t, Span<double> output) => output[0] = _sum.Add(t.R0);
    }
}

/// <summary>What an extreme-tracking operator reports.</summary>
internal enum ExtremeOutput
{
    Max,
    Min,
    MaxIndex,
    MinIndex,
    MinMax,
    MinMaxIndex,
}

/// <summary>
/// Highest/lowest value or index over the period with TA-Lib's tie rules (indexes count bars since the start or the
/// last invalid bar). Only the sides the output needs are tracked, each by a <see cref="MonotonicExtreme"/> (O(1)
/// amortised; inputs are finite because the invalid-bar rule resets the core first).
/// </summary>
internal struct ExtremeCore(int period, ExtremeOutput kind) : ICore
{
    private readonly bool _tracksMax = kind is not (ExtremeOutput.Min or ExtremeOutput.MinIndex);
    private readonly bool _tracksMin = kind is not (ExtremeOutput.Max or ExtremeOutput.MaxIndex);
    private MonotonicExtreme _max = new(period, true);
    private MonotonicExtreme _min = new(period, false);

    public void Reset()
    {
        _max.Reset();
        _min.Reset();
    }

    public void Update(in Tick t, Span<double> output)
    {
        if (_tracksMax)
        {
            _max.Update(t.R0);
        }

        if (_tracksMin)
        {
            _min.Update(t.R0);
        }

        switch (kind)
        {
            case ExtremeOutput.Max:
                output[0] = _max.Value;
                break;
            case ExtremeOutput.Min:
                output[0] = _min.Value;
                break;
            case ExtremeOutput.MaxIndex:
                output[0] = _max.Index;
                break;
            case ExtremeOutput.MinIndex:
                output[0] = _min.Index;
                break;
            case ExtremeOutput.MinMax:
                output[0] = _min.Value;
                output[1] = _max.Value;
                break;
            default:
                output[0] = _min.Index;
                output[1] = _max.Index;
                break;
        }
    }

    public static IndicatorDefinition Define(string name, string taLib, string description, string[] outputs, ExtremeOutput kind)
    {
        var info = Meta.Info(name, taLib, IndicatorCategory.MathOperator, description, PriceInputs.None, [Meta.Period(30)], outputs, Meta.TaLib, Meta.Close);
        return kind is ExtremeOutput.MinMax or ExtremeOutput.MinMaxIndex
            ? Meta.Define(info, p => Meta.I(p, 0) - 1, p => new ExtremeCore(Meta.I(p, 0), kind))
            : Meta.Define(info, p => Meta.I(p, 0) - 1, p => new OneSidedExtremeCore(Meta.I(p, 0), kind));
    }
}

/// <summary>
/// <see cref="ExtremeCore"/> for the one-sided outputs (MAX, MIN, MAXINDEX, MININDEX): the same
/// <see cref="MonotonicExtreme"/> update and output, with only the tracked side's state (half the memory per symbol).
/// </summary>
internal struct OneSidedExtremeCore(int period, ExtremeOutput kind) : ICore
{
    private readonly bool _index = kind is ExtremeOutput.MaxIndex or ExtremeOutput.MinIndex;
    private MonotonicExtreme _extreme = new(period, kind is ExtremeOutput.Max or ExtremeOutput.MaxIndex);

    public void Reset() => _extreme.Reset();

    public void Update(in Tick t, Span<double> output)
    {
        _extreme.Update(t.R0);
        output[0] = _index ? _extreme.Index : _extreme.Value;
    }
}

/// <summary>Highest value over the period (TA-Lib MAX).</summary>
public static class Max
{
    internal static readonly IndicatorDefinition Definition = ExtremeCore.Define("max", "MAX", "Highest value over period", ["max"], ExtremeOutput.Max);
}

/// <summary>Lowest value over the period (TA-Lib MIN).</summary>
public static class Min
{
    internal static readonly IndicatorDefinition Definition = ExtremeCore.Define("min", "MIN", "Lowest value over period", ["min"], ExtremeOutput.Min);
}

/// <summary>Index of the highest value over the period (TA-Lib MAXINDEX).</summary>
public static class MaxIndex
{
    internal static readonly IndicatorDefinition Definition = ExtremeCore.Define("maxindex", "MAXINDEX", "Index of highest value over period", ["maxindex"], ExtremeOutput.MaxIndex);
}

/// <summary>Index of the lowest value over the period (TA-Lib MININDEX).</summary>
public static class MinIndex
{
    internal static readonly IndicatorDefinition Definition = ExtremeCore.Define("minindex", "MININDEX", "Index of lowest value over period", ["minindex"], ExtremeOutput.MinIndex);
}

/// <summary>Lowest and highest values over the period (TA-Lib MINMAX).</summary>
public static class MinMax
{
    internal static readonly IndicatorDefinition Definition = ExtremeCore.Define("minmax", "MINMAX", "Lowest and highest values over period", ["min", "max"], ExtremeOutput.MinMax);
}

/// <summary>Indexes of the lowest and highest values over the period (TA-Lib MINMAXINDEX).</summary>
public static class MinMaxIndex
{
    internal static readonly IndicatorDefinition Definition = ExtremeCore.Define("minmaxindex", "MINMAXINDEX", "Indexes of lowest and highest values over period", ["minidx", "maxidx"], ExtremeOutput.MinMaxIndex);
}
