namespace AlphaTrade.Indicators.Infrastructure;

/// <summary>Short-hands for building <see cref="IndicatorInfo"/> records.</summary>
internal static class Meta
{
    /// <summary>Source text for indicators that follow TA-Lib's definition.</summary>
    public const string TaLib = "TA-Lib 0.6 default definition (ta-lib.org)";

    /// <summary>The usual single series input: close.</summary>
    public static readonly SeriesInput[] Close = [new("real", PriceField.Close)];

    /// <summary>Two series, high and low by default, as TA-Lib's Python abstract API feeds inReal0/inReal1.</summary>
    public static readonly SeriesInput[] HighLow = [new("real0", PriceField.High), new("real1", PriceField.Low)];

    /// <summary>Largest period accepted anywhere (TA-Lib's limit).</summary>
    public const int MaxPeriod = 100000;

    public static IndicatorParameter Period(int def, int min = 2, string name = "period", string description = "Number of bars in the window") =>
        new(name, def, min, MaxPeriod, true, description);

    public static IndicatorParameter Int(string name, int def, int min, int max, string description) =>
        new(name, def, min, max, true, description);

    public static IndicatorParameter Real(string name, double def, double min, double max, string description) =>
        new(name, def, min, max, false, description);

    public static IndicatorParameter MaType(string name = "ma_type", int def = 0) =>
        new(name, def, 0, 8, true, "Moving-average type: 0 SMA, 1 EMA, 2 WMA, 3 DEMA, 4 TEMA, 5 TRIMA, 6 KAMA, 7 MAMA, 8 T3") { IsChoice = true };

    public static IndicatorInfo Info(string name, string? taLib, IndicatorCategory category, string description,
        PriceInputs inputs, IndicatorParameter[] parameters, string[] outputs, string source, SeriesInput[]? series = null)
    {
        series ??= [];
        foreach (var s in series)
        {
            inputs |= CoreDefinition<NoCore>.ToFlag(s.Default);
        }

        return new IndicatorInfo(name, taLib, category, description, inputs, parameters, outputs, source) { Series = series };
    }

    /// <summary>A definition over a core.</summary>
    public static IndicatorDefinition Define<TCore>(IndicatorInfo info, LookbackFunc lookback, CoreFactory<TCore> factory, SegmentKernel? kernel = null)
        where TCore : struct, ICore => new CoreDefinition<TCore>(info, lookback, factory, kernel);

    /// <summary>Integer parameter <paramref name="i"/>.</summary>
    public static int I(ReadOnlySpan<double> p, int i) => (int)p[i];

    /// <summary>Placeholder core type for static helpers.</summary>
    internal struct NoCore : ICore
    {
        public void Reset()
        {
        }

        public void Update(in Tick t, Span<double> output)
        {
        }
    }
}
