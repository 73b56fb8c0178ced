using AlphaTrade.Indicators.Blocks;
using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.Overlap;

/// <summary>
/// Moving average with a variable period (TA-Lib MAVP): at each bar, the MA whose period is that bar's value of
/// the periods series (truncated, clamped to [min, max]). Like TA-Lib, each period's MA starts where its own warm-up
/// ends at the first output bar, so recursive types are seeded there. O(max − min) per bar.
/// </summary>
public static class Mavp
{
    /// <summary>Warm-up bars: the lookback of the MA at the maximum period.</summary>
    public static int Lookback(int maxPeriod, MaType type) => MaBlock.LookbackOf(type, maxPeriod);

    internal static readonly IndicatorDefinition Definition = Meta.Define(
        Meta.Info("mavp", "MAVP", IndicatorCategory.Overlap, "Moving average with variable period", PriceInputs.None,
            [Meta.Period(2, 2, "min_period", "Smallest period"), Meta.Period(30, 2, "max_period", "Largest period"), Meta.MaType()],
            ["mavp"], Meta.TaLib, [new("real", PriceField.Close), new("periods", PriceField.Extra)]),
        p => Lookback(Meta.I(p, 1), (MaType)Meta.I(p, 2)),
        p => new Core(Meta.I(p, 0), Meta.I(p, 1), (MaType)Meta.I(p, 2)));

    internal struct Core : ICore
    {
        private readonly int _min;
        private readonly int _max;
        private readonly MaBlock[] _blocks;
        private readonly int[] _start;
        private int _bar;

        public Core(int min, int max, MaType type)
        {
            _min = Math.Min(min, max);
            _max = max;
            _blocks = new MaBlock[_max - _min + 1];
            _start = new int[_blocks.Length];
            int total = MaBlock.LookbackOf(type, _max);
            for (int i = 0; i < _blocks.Length; i++)
            {
                _blocks[i] = MaBlock.Create(type, _min + i);
                _start[i] = total - MaBlock.LookbackOf(type, _min + i);
            }

            _bar = 0;
        }

        public void Reset()
        {
            foreach (var b in _blocks)
            {
                b.Reset();
            }

            _bar = 0;
        }

        public void Update(in Tick t, Span<double> output)
        {
            double chosen = double.NaN;
            int period = (int)t.R1;
            period = period < _min ? _min : period > _max ? _max : period;
            for (int i = 0; i < _blocks.Length; i++)
            {
                if (_bar >= _start[i])
                {
                    double v = _blocks[i].Update(t.R0);
                    if (_min + i == period)
                    {
                        chosen = v;
                    }
                }
            }

            _bar++;
            output[0] = chosen;
        }
    }
}
