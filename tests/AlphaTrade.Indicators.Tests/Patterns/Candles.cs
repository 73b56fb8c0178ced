namespace AlphaTrade.Indicators.Tests.Patterns;

/// <summary>Hand-built candle sequences: a quiet context (so that TA-Lib's averages are defined) then the pattern.</summary>
internal sealed class Candles
{
    private readonly List<(double O, double H, double L, double C)> _bars = [];

    /// <summary>
    /// <paramref name="count"/> alternating candles around 100: body 1, range 2 (upper and lower shadow 0.5).
    /// The averages a pattern sees are then: body 1, high-low range 2, shadows 1.
    /// </summary>
    public static Candles Quiet(int count = 12)
    {
        var c = new Candles();
        for (int i = 0; i < count; i++)
        {
            if (i % 2 == 0)
            {
                c.Add(100, 101.5, 99.5, 101);
            }
            else
            {
                c.Add(101, 101.5, 99.5, 100);
            }
        }

        return c;
    }

    public int Count => _bars.Count;

    public Candles Add(double open, double high, double low, double close)
    {
        _bars.Add((open, high, low, close));
        return this;
    }

    /// <summary>Batch output of <paramref name="name"/> (default parameters unless given) over the candles.</summary>
    public double[] Run(string name, params double[] parameters)
    {
        var def = IndicatorRegistry.Get(name);
        var p = parameters.Length > 0 ? parameters : def.DefaultParameters();
        var outs = new[] { new double[Count] };
        def.Compute(Input, p, outs);
        return outs[0];
    }

    /// <summary>Signal of <paramref name="name"/> on the last candle.</summary>
    public double Last(string name, params double[] parameters) => Run(name, parameters)[^1];

    public OhlcvInput Input => new(
        _bars.Select(b => b.O).ToArray(), _bars.Select(b => b.H).ToArray(), _bars.Select(b => b.L).ToArray(),
        _bars.Select(b => b.C).ToArray(), default);
}
