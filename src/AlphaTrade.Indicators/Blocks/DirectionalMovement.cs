namespace AlphaTrade.Indicators.Blocks;

/// <summary>
/// Wilder's directional movement as TA-Lib computes it: +DM when the high's rise exceeds the low's fall (and is
/// positive), −DM when the fall is positive and exceeds the rise, neither on a tie; +DM, −DM and TR are summed over
/// the first period − 1 bars, then smoothed <c>s = s − s/n + x</c>. Feeds PLUS_DM/MINUS_DM, ±DI, DX, ADX, ADXR.
/// </summary>
internal struct DirectionalMovement(int period)
{
    private double _prevHigh;
    private double _prevLow;
    private double _prevClose;

    /// <summary>Bars seen since reset.</summary>
    public int Bars { get; private set; }

    /// <summary>Smoothed +DM (the sum while seeding).</summary>
    public double PlusDm { get; private set; }

    /// <summary>Smoothed −DM.</summary>
    public double MinusDm { get; private set; }

    /// <summary>Smoothed true range.</summary>
    public double Tr { get; private set; }

    /// <summary>This bar's raw +DM (0 when none).</summary>
    public double RawPlus { get; private set; }

    /// <summary>This bar's raw −DM (0 when none).</summary>
    public double RawMinus { get; private set; }

    /// <summary>This bar's true range.</summary>
    public double RawTr { get; private set; }

    public void Update(double high, double low, double close)
    {
        if (Bars++ == 0)
        {
            _prevHigh = high;
            _prevLow = low;
            _prevClose = close;
            return;
        }

        double diffP = high - _prevHigh;
        double diffM = _prevLow - low;
        _prevHigh = high;
        _prevLow = low;
        RawPlus = RawMinus = 0;
        if (diffM > 0 && diffP < diffM)
        {
            RawMinus = diffM;
        }
        else if (diffP > 0 && diffP > diffM)
        {
            RawPlus = diffP;
        }

        RawTr = AtrState.Range(high, low, _prevClose);
        _prevClose = close;
        if (Bars - 1 <= period - 1)
        {
            // Seeding: plain sums over the first period − 1 changes.
            PlusDm += RawPlus;
            MinusDm += RawMinus;
            Tr += RawTr;
            return;
        }

        PlusDm = PlusDm - (PlusDm / period) + RawPlus;
        MinusDm = MinusDm - (MinusDm / period) + RawMinus;
        Tr = Tr - (Tr / period) + RawTr;
    }

    /// <summary>TA-Lib's ±DI pair (0 when the smoothed range is zero).</summary>
    public readonly (double Plus, double Minus) Di()
    {
        if (IsZero(Tr))
        {
            return (0.0, 0.0);
        }

        return (100.0 * (PlusDm / Tr), 100.0 * (MinusDm / Tr));
    }

    /// <summary>TA-Lib's test for zero (|v| &lt; 1e-14).</summary>
    public static bool IsZero(double v) => v > -1e-14 && v < 1e-14;

    public void Reset() => this = new DirectionalMovement(period);
}
