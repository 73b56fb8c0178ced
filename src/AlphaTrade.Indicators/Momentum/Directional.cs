using System.Runtime.CompilerServices;
using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Momentum;

/// <summary>Plus directional movement, Wilder-smoothed (TA-Lib PLUS_DM; period 1: the raw +DM).</summary>
public static class PlusDm
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("plus_dm", "PLUS_DM", IndicatorCategory.Momentum, "Plus directional movement", PriceInputs.HighLow,
            [Meta.Period(14, 1)], ["plus_dm"], Meta.TaLib),
        p => Math.Max(1, Meta.I(p, 0) - 1),
        p => new Core(Meta.I(p, 0), plus: true));

    internal struct Core(int period, bool plus) : ICore
    {
        private DirectionalMovement _dm = new(period);

        public void Reset() => _dm.Reset();

        public void Update(in Tick t, Span<double> output)
        {
            _dm.Update(t.High, t.Low, t.Low);
            output[0] = plus ? _dm.PlusDm : _dm.MinusDm;
        }
    }
}

/// <summary>Minus directional movement, Wilder-smoothed (TA-Lib MINUS_DM; period 1: the raw −DM).</summary>
public static class MinusDm
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("minus_dm", "MINUS_DM", IndicatorCategory.Momentum, "Minus directional movement", PriceInputs.HighLow,
            [Meta.Period(14, 1)], ["minus_dm"], Meta.TaLib),
        p => Math.Max(1, Meta.I(p, 0) - 1),
        p => new PlusDm.Core(Meta.I(p, 0), plus: false));
}

/// <summary>
/// Plus / minus directional indicator: 100·DM/TR of the smoothed sums (TA-Lib PLUS_DI, MINUS_DI). Period 1
/// reproduces TA-Lib's raw ratio DM/TR, which TA-Lib does not scale by 100.
/// </summary>
internal struct DiCore(int period, bool plus) : ICore
{
    private DirectionalMovement _dm = new(period);

    public void Reset() => _dm.Reset();

    public void Update(in Tick t, Span<double> output)
    {
        _dm.Update(t.High, t.Low, t.Close);
        if (period == 1)
        {
            double raw = plus ? _dm.RawPlus : _dm.RawMinus;
            output[0] = raw == 0 || DirectionalMovement.IsZero(_dm.RawTr) ? 0.0 : raw / _dm.RawTr;
            return;
        }

        var (p, m) = _dm.Di();
        output[0] = plus ? p : m;
    }
}

/// <summary>Plus directional indicator (TA-Lib PLUS_DI).</summary>
public static class PlusDi
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("plus_di", "PLUS_DI", IndicatorCategory.Momentum, "Plus directional indicator", PriceInputs.Hlc,
            [Meta.Period(14, 1)], ["plus_di"], Meta.TaLib),
        p => Meta.I(p, 0),
        p => new DiCore(Meta.I(p, 0), plus: true));
}

/// <summary>Minus directional indicator (TA-Lib MINUS_DI).</summary>
public static class MinusDi
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("minus_di", "MINUS_DI", IndicatorCategory.Momentum, "Minus directional indicator", PriceInputs.Hlc,
            [Meta.Period(14, 1)], ["minus_di"], Meta.TaLib),
        p => Meta.I(p, 0),
        p => new DiCore(Meta.I(p, 0), plus: false));
}

/// <summary>Directional movement index: 100·|−DI − +DI|/(−DI + +DI), holding the last value when undefined (TA-Lib DX).</summary>
public static class Dx
{
    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("dx", "DX", IndicatorCategory.Momentum, "Directional movement index", PriceInputs.Hlc,
            [Meta.Period(14)], ["dx"], Meta.TaLib),
        p => Meta.I(p, 0),
        p => new Core(Meta.I(p, 0)));

    internal struct Core(int period) : ICore
    {
        private DirectionalMovement _dm = new(period);
        private double _last;

        public void Reset()
        {
            _dm.Reset();
            _last = 0;
        }

        public void Update(in Tick t, Span<double> output)
        {
            _dm.Update(t.High, t.Low, t.Close);
            if (!DirectionalMovement.IsZero(_dm.Tr))
            {
                var (p, m) = _dm.Di();
                double sum = m + p;
                if (!DirectionalMovement.IsZero(sum))
                {
                    _last = 100.0 * (Math.Abs(m - p) / sum);
                }
            }

            output[0] = _last;
        }
    }
}

/// <summary>
/// Average directional index (TA-Lib ADX): the first ADX averages the period's DX values (bars where DX is
/// undefined add nothing), then Wilder-smooths DX, skipping bars where it is undefined.
/// </summary>
public static class Adx
{
    /// <summary>Warm-up bars: 2·period − 1.</summary>
    public static int Lookback(int period) => (2 * period) - 1;

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("adx", "ADX", IndicatorCategory.Momentum, "Average directional movement index", PriceInputs.Hlc,
            [Meta.Period(14)], ["adx"], Meta.TaLib),
        p => Lookback(Meta.I(p, 0)),
        p => new Core(Meta.I(p, 0)),
        static (in Columns c, int s, int e, ReadOnlySpan<double> p, in Outputs o) => Compute(c.High[s..e], c.Low[s..e], c.Close[s..e], Meta.I(p, 0), o.O0[s..e]));

    /// <summary>
    /// ADX of bars without invalid values: the operations of <see cref="DirectionalMovement"/> and the core, in the
    /// same order, inlined (bit-identical to the streaming form).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Compute(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> dst)
    {
        int n = close.Length;
        int lb = Math.Min(n, Lookback(period));
        dst[..lb].Fill(double.NaN);
        if (n == 0)
        {
            return;
        }

        double ph = high[0], pl = low[0], pc = close[0];
        double pdm = 0, mdm = 0, tr = 0, sumDx = 0, adx = 0;
        for (int i = 1; i < n; i++)
        {
            double h = high[i], l = low[i];
            double diffP = h - ph, diffM = pl - l;
            ph = h;
            pl = l;
            double rp = 0, rm = 0;
            if (diffM > 0 && diffP < diffM)
            {
                rm = diffM;
            }
            else if (diffP > 0 && diffP > diffM)
            {
                rp = diffP;
            }

            double rtr = AtrState.Range(h, l, pc);
            pc = close[i];
            if (i <= period - 1)
            {
                pdm += rp;
                mdm += rm;
                tr += rtr;
                continue;
            }

            pdm = pdm - (pdm / period) + rp;
            mdm = mdm - (mdm / period) + rm;
            tr = tr - (tr / period) + rtr;
            double dx = double.NaN;
            if (!DirectionalMovement.IsZero(tr))
            {
                double pdi = 100.0 * (pdm / tr), mdi = 100.0 * (mdm / tr);
                double sum = mdi + pdi;
                if (!DirectionalMovement.IsZero(sum))
                {
                    dx = 100.0 * (Math.Abs(mdi - pdi) / sum);
                }
            }

            if (i < 2 * period)
            {
                if (!double.IsNaN(dx))
                {
                    sumDx += dx;
                }

                if (i == (2 * period) - 1)
                {
                    adx = sumDx / period;
                    dst[i] = adx;
                }
            }
            else
            {
                if (!double.IsNaN(dx))
                {
                    adx = ((adx * (period - 1)) + dx) / period;
                }

                dst[i] = adx;
            }
        }
    }

    internal struct Core(int period) : ICore
    {
        private DirectionalMovement _dm = new(period);
        private double _sumDx;
        private double _adx;

        public void Reset()
        {
            _dm.Reset();
            _sumDx = _adx = 0;
        }

        /// <summary>Current ADX (valid from bar 2·period − 1).</summary>
        public readonly double Value => _adx;

        public void Update(in Tick t, Span<double> output)
        {
            _dm.Update(t.High, t.Low, t.Close);
            int bar = _dm.Bars - 1;
            if (bar < period)
            {
                output[0] = double.NaN;
                return;
            }

            double dx = double.NaN;
            if (!DirectionalMovement.IsZero(_dm.Tr))
            {
                var (p, m) = _dm.Di();
                double sum = m + p;
                if (!DirectionalMovement.IsZero(sum))
                {
                    dx = 100.0 * (Math.Abs(m - p) / sum);
                }
            }

            if (bar < 2 * period)
            {
                if (!double.IsNaN(dx))
                {
                    _sumDx += dx;
                }

                if (bar == (2 * period) - 1)
                {
                    _adx = _sumDx / period;
                }
            }
            else if (!double.IsNaN(dx))
            {
                _adx = ((_adx * (period - 1)) + dx) / period;
            }

            output[0] = _adx;
        }
    }
}

/// <summary>Average directional movement rating: (ADX + ADX period − 1 bars ago)/2 (TA-Lib ADXR).</summary>
public static class Adxr
{
    /// <summary>Warm-up bars: 3·period − 2.</summary>
    public static int Lookback(int period) => Adx.Lookback(period) + period - 1;

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("adxr", "ADXR", IndicatorCategory.Momentum, "Average directional movement index rating", PriceInputs.Hlc,
            [Meta.Period(14)], ["adxr"], Meta.TaLib),
        p => Lookback(Meta.I(p, 0)),
        p => new Core(Meta.I(p, 0)));

    internal struct Core(int period) : ICore
    {
        private Adx.Core _adx = new(period);
        private Window _past = new(period);

        public void Reset()
        {
            _adx.Reset();
            _past.Clear();
        }

        public void Update(in Tick t, Span<double> output)
        {
            _adx.Update(t, output);
            _past.Push(output[0]);
            output[0] = _past.IsFull ? (output[0] + _past.Oldest) / 2.0 : double.NaN;
        }
    }
}
