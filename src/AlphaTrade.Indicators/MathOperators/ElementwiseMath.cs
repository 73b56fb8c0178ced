using AlphaTrade.Indicators.Infrastructure;

namespace AlphaTrade.Indicators.MathOperators;

/// <summary>
/// TA-Lib's element-wise math transforms (ACOS … TANH) and vector operators (ADD, SUB, MULT, DIV): one value per
/// bar, no warm-up. Operators take two series, high and low by default, as TA-Lib's Python API feeds them.
/// </summary>
public static class ElementwiseMath
{
    private static readonly (string Name, string TaLib, string Description, Func<double, double> F)[] Unary =
    [
        ("acos", "ACOS", "Vector trigonometric ACos", Math.Acos),
        ("asin", "ASIN", "Vector trigonometric ASin", Math.Asin),
        ("atan", "ATAN", "Vector trigonometric ATan", Math.Atan),
        ("ceil", "CEIL", "Vector ceiling", Math.Ceiling),
        ("cos", "COS", "Vector trigonometric cosine", Math.Cos),
        ("cosh", "COSH", "Vector trigonometric cosh", Math.Cosh),
        ("exp", "EXP", "Vector arithmetic exp", Math.Exp),
        ("floor", "FLOOR", "Vector floor", Math.Floor),
        ("ln", "LN", "Vector natural log", Math.Log),
        ("log10", "LOG10", "Vector log10", Math.Log10),
        ("sin", "SIN", "Vector trigonometric sine", Math.Sin),
        ("sinh", "SINH", "Vector trigonometric sinh", Math.Sinh),
        ("sqrt", "SQRT", "Vector square root", Math.Sqrt),
        ("tan", "TAN", "Vector trigonometric tangent", Math.Tan),
        ("tanh", "TANH", "Vector trigonometric tanh", Math.Tanh),
    ];

    private static readonly (string Name, string TaLib, string Description, Func<double, double, double> F)[] Binary =
    [
        ("add", "ADD", "Vector arithmetic add", static (a, b) => a + b),
        ("sub", "SUB", "Vector arithmetic subtraction", static (a, b) => a - b),
        ("mult", "MULT", "Vector arithmetic multiplication", static (a, b) => a * b),
        ("div", "DIV", "Vector arithmetic division", static (a, b) => a / b),
    ];

    /// <summary>Every element-wise definition.</summary>
    internal static IndicatorDefinition[] All =>
    [
        .. Unary.Select(u => Meta.Define(
            Meta.Info(u.Name, u.TaLib, IndicatorCategory.MathOperator, u.Description, PriceInputs.None, [], [u.Name], Meta.TaLib, Meta.Close),
            _ => 0,
            _ => new UnaryCore(u.F))),
        .. Binary.Select(b => Meta.Define(
            Meta.Info(b.Name, b.TaLib, IndicatorCategory.MathOperator, b.Description, PriceInputs.None, [], [b.Name], Meta.TaLib, Meta.HighLow),
            _ => 0,
            _ => new BinaryCore(b.F))),
    ];

    internal readonly struct UnaryCore(Func<double, double> f) : ICore
    {
        public void Reset()
        {
        }

        public void Update(in Tick t, Span<double> output) => output[0] = f(t.R0);
    }

    internal readonly struct BinaryCore(Func<double, double, double> f) : ICore
    {
        public void Reset()
        {
        }

        public void Update(in Tick t, Span<double> output) => output[0] = f(t.R0, t.R1);
    }
}
