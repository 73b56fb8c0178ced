using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Statistics;

/// <summary>Which value of the least-squares line over the window to report.</summary>
internal enum RegressionOutput
{
    /// <summary>The line's value at the current bar (LINEARREG).</summary>
    Value,

    /// <summary>Slope per bar (LINEARREG_SLOPE).</summary>
    Slope,

    /// <summary>Slope as an angle in degrees (LINEARREG_ANGLE).</summary>
    Angle,

    /// <summary>The line's value at the window's first bar (LINEARREG_INTERCEPT).</summary>
    Intercept,

    /// <summary>The line extended one bar ahead (TSF).</summary>
    Forecast,
}

/// <summary>Least-squares line over the last <c>period</c> values, summed afresh each bar in TA-Lib's order. O(period).</summary>
internal struct RegressionCore : ICore
{
    private readonly int _n;
    private readonly RegressionOutput _kind;
    private readonly double _sumX;
    private readonly double _divisor;
    private Window _w;

    public RegressionCore(int period, RegressionOutput kind)
    {
        _n = period;
        _kind = kind;
        _sumX = period * (period - 1) * 0.5;
        double sumXSqr = (double)period * (period - 1) * ((2 * period) - 1) / 6;
        _divisor = (_sumX * _sumX) - (period * sumXSqr);
        _w = new Window(period);
    }

    public void Reset() => _w.Clear();

    public void Update(in Tick t, Span<double> output)
    {
        _w.Push(t.R0);
        if (!_w.IsFull)
        {
            output[0] = double.NaN;
            return;
        }

        // x counts bars back from the current one, as TA-Lib's loop does (oldest first).
        double sumXY = 0, sumY = 0;
        _w.Chronological(out var older, out var newer);
        int age = _n - 1;
        foreach (double y in older)
        {
            sumY += y;
            sumXY += age-- * y;
        }

        foreach (double y in newer)
        {
            sumY += y;
            sumXY += age-- * y;
        }

        double m = ((_n * sumXY) - (_sumX * sumY)) / _divisor;
        double b = (sumY - (m * _sumX)) / _n;
        output[0] = _kind switch
        {
            RegressionOutput.Value => b + (m * (_n - 1)),
            RegressionOutput.Slope => m,
            RegressionOutput.Angle => Math.Atan(m) * (180.0 / Math.PI),
            RegressionOutput.Intercept => b,
            _ => b + (m * _n),
        };
    }

    public static IndicatorDefinition Define(string name, string taLib, string description, RegressionOutput kind) =>
        Meta.Define(
            Meta.Info(name, taLib, IndicatorCategory.Statistics, description, PriceInputs.None, [Meta.Period(14)], [name], Meta.TaLib, Meta.Close),
            p => Meta.I(p, 0) - 1,
            p => new RegressionCore(Meta.I(p, 0), kind));
}

/// <summary>Linear regression value at the current bar (TA-Lib LINEARREG).</summary>
public static class LinearReg
{
    internal static readonly IndicatorDefinition Definition = RegressionCore.Define("linearreg", "LINEARREG", "Linear regression", RegressionOutput.Value);
}

/// <summary>Linear regression slope (TA-Lib LINEARREG_SLOPE).</summary>
public static class LinearRegSlope
{
    internal static readonly IndicatorDefinition Definition = RegressionCore.Define("linearreg_slope", "LINEARREG_SLOPE", "Linear regression slope", RegressionOutput.Slope);
}

/// <summary>Linear regression angle in degrees (TA-Lib LINEARREG_ANGLE).</summary>
public static class LinearRegAngle
{
    internal static readonly IndicatorDefinition Definition = RegressionCore.Define("linearreg_angle", "LINEARREG_ANGLE", "Linear regression angle", RegressionOutput.Angle);
}

/// <summary>Linear regression intercept (TA-Lib LINEARREG_INTERCEPT).</summary>
public static class LinearRegIntercept
{
    internal static readonly IndicatorDefinition Definition = RegressionCore.Define("linearreg_intercept", "LINEARREG_INTERCEPT", "Linear regression intercept", RegressionOutput.Intercept);
}

/// <summary>Time series forecast: the regression line one bar ahead (TA-Lib TSF).</summary>
public static class Tsf
{
    internal static readonly IndicatorDefinition Definition = RegressionCore.Define("tsf", "TSF", "Time series forecast", RegressionOutput.Forecast);
}
