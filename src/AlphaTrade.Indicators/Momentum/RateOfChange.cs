using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Momentum;

/// <summary>The forms of change over <c>period</c> bars TA-Lib offers.</summary>
internal enum ChangeKind
{
    Momentum,
    Roc,
    Rocp,
    Rocr,
    Rocr100,
}

/// <summary>x − x[n], or TA-Lib's ratio forms (0 when x[n] is 0).</summary>
internal struct ChangeCore(int period, ChangeKind kind) : ICore
{
    private Window _w = new(period + 1);

    public void Reset() => _w.Clear();

    public void Update(in Tick t, Span<double> output)
    {
        _w.Push(t.R0);
        if (!_w.IsFull)
        {
            output[0] = double.NaN;
            return;
        }

        double x = t.R0, old = _w.Oldest;
        output[0] = kind switch
        {
            ChangeKind.Momentum => x - old,
            _ when old == 0.0 => 0.0,
            ChangeKind.Roc => ((x / old) - 1.0) * 100.0,
            ChangeKind.Rocp => (x - old) / old,
            ChangeKind.Rocr => x / old,
            _ => (x / old) * 100.0,
        };
    }

    public static IndicatorDefinition Define(string name, string taLib, string description, int defaultPeriod, ChangeKind kind) =>
        Meta.Define(
            Meta.Info(name, taLib, IndicatorCategory.Momentum, description, PriceInputs.None, [Meta.Period(defaultPeriod, 1)], [name], Meta.TaLib, Meta.Close),
            p => Meta.I(p, 0),
            p => new ChangeCore(Meta.I(p, 0), kind));
}

/// <summary>Momentum: x − x[n] (TA-Lib MOM).</summary>
public static class Mom
{
    internal static readonly IndicatorDefinition Definition = ChangeCore.Define("mom", "MOM", "Momentum", 10, ChangeKind.Momentum);
}

/// <summary>Rate of change: ((x/x[n]) − 1)·100 (TA-Lib ROC).</summary>
public static class Roc
{
    internal static readonly IndicatorDefinition Definition = ChangeCore.Define("roc", "ROC", "Rate of change, percent", 10, ChangeKind.Roc);
}

/// <summary>Rate of change as a fraction: (x − x[n])/x[n] (TA-Lib ROCP).</summary>
public static class Rocp
{
    internal static readonly IndicatorDefinition Definition = ChangeCore.Define("rocp", "ROCP", "Rate of change, fraction", 10, ChangeKind.Rocp);
}

/// <summary>Rate of change ratio: x/x[n] (TA-Lib ROCR).</summary>
public static class Rocr
{
    internal static readonly IndicatorDefinition Definition = ChangeCore.Define("rocr", "ROCR", "Rate of change ratio", 10, ChangeKind.Rocr);
}

/// <summary>Rate of change ratio × 100 (TA-Lib ROCR100).</summary>
public static class Rocr100
{
    internal static readonly IndicatorDefinition Definition = ChangeCore.Define("rocr100", "ROCR100", "Rate of change ratio ×100", 10, ChangeKind.Rocr100);
}
