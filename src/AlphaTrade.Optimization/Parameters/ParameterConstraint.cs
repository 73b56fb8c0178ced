using AlphaTrade.Core;

namespace AlphaTrade.Optimization.Parameters;

/// <summary>
/// A constraint on configurations parsed from text such as <c>fast&lt;slow</c>: comparisons of numeric parameters
/// and numbers (no arithmetic), clauses joined by <c>&amp;&amp;</c> or <c>,</c>, each clause a chain
/// <c>a OP b [OP c ...]</c> with OP one of <c>&lt; &lt;= &gt; &gt;= == !=</c> (<c>5&lt;fast&lt;slow</c> means
/// 5 &lt; fast and fast &lt; slow). Comparisons are exact (decimal).
/// </summary>
public sealed class ParameterConstraint
{
    private readonly Comparison[] _comparisons;

    private ParameterConstraint(string text, Comparison[] comparisons)
    {
        Text = text;
        _comparisons = comparisons;
    }

    private enum Op
    {
        Less,
        LessOrEqual,
        Greater,
        GreaterOrEqual,
        Equal,
        NotEqual,
    }

    /// <summary>The constraint as written.</summary>
    public string Text { get; }

    /// <summary>
    /// Parses a constraint against a grid: every name must be a numeric parameter of the grid. Bad input throws an
    /// <see cref="InputException"/> quoting the text.
    /// </summary>
    public static ParameterConstraint Parse(string text, ParameterGrid grid, string option = "--constraint")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(grid);
        InputException Fail(string what) => new($"{option} '{text}': {what}");
        var comparisons = new List<Comparison>();
        var clauses = text.Replace("&&", ",", StringComparison.Ordinal).Split(',');
        foreach (var rawClause in clauses)
        {
            string clause = rawClause.Trim();
            if (clause.Length == 0)
            {
                throw Fail("empty comparison; expected e.g. fast<slow");
            }

            var operands = new List<Operand>();
            var ops = new List<Op>();
            int i = 0;
            while (true)
            {
                int start = i;
                while (i < clause.Length && !IsOperatorChar(clause[i]))
                {
                    i++;
                }

                string token = clause[start..i].Trim();
                if (token.Length == 0)
                {
                    throw Fail($"missing operand in '{clause}'; expected e.g. fast<slow");
                }

                operands.Add(ResolveOperand(token, grid, Fail));
                if (i >= clause.Length)
                {
                    break;
                }

                int opStart = i;
                while (i < clause.Length && IsOperatorChar(clause[i]))
                {
                    i++;
                }

                string opText = clause[opStart..i];
                ops.Add(opText switch
                {
                    "<" => Op.Less,
                    "<=" => Op.LessOrEqual,
                    ">" => Op.Greater,
                    ">=" => Op.GreaterOrEqual,
                    "==" or "=" => Op.Equal,
                    "!=" => Op.NotEqual,
                    _ => throw Fail($"unknown operator '{opText}'; expected <, <=, >, >=, == or !="),
                });
            }

            if (ops.Count == 0)
            {
                throw Fail($"'{clause}' is not a comparison; expected e.g. fast<slow");
            }

            for (int k = 0; k < ops.Count; k++)
            {
                comparisons.Add(new Comparison(operands[k], ops[k], operands[k + 1]));
            }
        }

        return new ParameterConstraint(text.Trim(), comparisons.ToArray());
    }

    /// <summary>True when the configuration satisfies every comparison.</summary>
    public bool IsSatisfiedBy(ParameterSet configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var c in _comparisons)
        {
            decimal a = c.Left.Value(configuration);
            decimal b = c.Right.Value(configuration);
            bool ok = c.Op switch
            {
                Op.Less => a < b,
                Op.LessOrEqual => a <= b,
                Op.Greater => a > b,
                Op.GreaterOrEqual => a >= b,
                Op.Equal => a == b,
                _ => a != b,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static bool IsOperatorChar(char c) => c is '<' or '>' or '=' or '!';

    private static Operand ResolveOperand(string token, ParameterGrid grid, Func<string, InputException> fail)
    {
        if (ParameterAxis.TryParseNumber(token, out decimal number))
        {
            return new Operand(null, -1, number);
        }

        int position = -1;
        for (int i = 0; i < grid.Names.Count; i++)
        {
            if (grid.Names[i] == token)
            {
                position = i;
            }
        }

        if (position < 0)
        {
            throw fail($"unknown parameter '{token}'; the grid has {string.Join(", ", grid.Names)}");
        }

        if (!grid.Axes[position].IsNumeric)
        {
            throw fail($"parameter '{token}' has names as values and cannot be compared");
        }

        return new Operand(token, position, 0m);
    }

    private readonly record struct Operand(string? Name, int Position, decimal Constant)
    {
        public decimal Value(ParameterSet set) => Name is null ? Constant
            : set.Count > Position && set.Names[Position] == Name ? set[Position].Number : set[Name].Number;
    }

    private readonly record struct Comparison(Operand Left, Op Op, Operand Right);
}
