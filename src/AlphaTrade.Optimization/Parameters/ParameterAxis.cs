using System.Globalization;
using AlphaTrade.Core;

namespace AlphaTrade.Optimization.Parameters;

/// <summary>
/// One swept parameter: its name and its values in sweep order, parsed from a command-line argument
/// <c>name=start:stop:step</c> (inclusive stop), <c>name=a,b,c</c> or <c>name=value</c>.
/// </summary>
public sealed class ParameterAxis
{
    /// <summary>The most values one parameter may take (a guard against typos such as <c>0:1000000:0.001</c>).</summary>
    public const int MaxValuesPerAxis = 1_000_000;

    /// <summary>What a <c>--param</c> argument looks like, for error messages.</summary>
    public const string ExpectedForms = "expected name=start:stop:step, name=a,b,c or name=value";

    /// <summary>Creates an axis from already-validated values (use <see cref="Parse"/> for user input).</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="values">Distinct values in sweep order; at least one.</param>
    /// <param name="source">The argument the axis came from, for reports; defaults to <c>name=v1,v2,...</c>.</param>
    public ParameterAxis(string name, IReadOnlyList<ParameterValue> values, string? source = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException($"Parameter '{name}' needs at least one value.", nameof(values));
        }

        if (values.Distinct().Count() != values.Count)
        {
            throw new ArgumentException($"Parameter '{name}' has repeated values.", nameof(values));
        }

        Name = name;
        Values = values.ToArray();
        Source = source ?? name + "=" + string.Join(",", Values.Select(v => v.ToString()));
    }

    /// <summary>The parameter name.</summary>
    public string Name { get; }

    /// <summary>The values in sweep order (ranges ascending, lists as written).</summary>
    public IReadOnlyList<ParameterValue> Values { get; }

    /// <summary>The argument text the axis was parsed from.</summary>
    public string Source { get; }

    /// <summary>True when every value is a number.</summary>
    public bool IsNumeric => Values.All(v => v.IsNumber);

    /// <inheritdoc />
    public override string ToString() => Source;

    /// <summary>
    /// Parses <c>name=start:stop:step</c>, <c>name=a,b,c</c> or <c>name=value</c>. Numbers are invariant decimals
    /// (<c>5</c>, <c>-0.25</c>, <c>+3</c>; no exponents or thousands separators). A range runs from start up to
    /// stop inclusive in exact decimal steps (<c>0.1:1:0.3</c> is 0.1, 0.4, 0.7, 1.0; a stop that is not on the
    /// step grid is not reached: <c>5:52:5</c> ends at 50). A list holds numbers or names, not both, without
    /// repeats. Bad input throws an <see cref="InputException"/> that quotes the argument.
    /// </summary>
    /// <param name="argument">The argument text.</param>
    /// <param name="option">The option name used in error messages.</param>
    public static ParameterAxis Parse(string argument, string option = "--param")
    {
        ArgumentNullException.ThrowIfNull(argument);
        string text = argument.Trim();
        InputException Fail(string what) => new($"{option} '{argument}': {what}");

        if (text.Length == 0)
        {
            throw Fail(ExpectedForms);
        }

        int eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq < 0)
        {
            throw Fail($"missing '='; {ExpectedForms}");
        }

        string name = text[..eq].Trim();
        string spec = text[(eq + 1)..].Trim();
        if (name.Length == 0)
        {
            throw Fail($"no parameter name before '='; {ExpectedForms}");
        }

        if (!IsName(name))
        {
            throw Fail($"parameter name '{name}' must start with a letter and hold only letters, digits, '_', '-' or '.'");
        }

        if (spec.Length == 0)
        {
            throw Fail($"no value after '='; {ExpectedForms}");
        }

        if (spec.Contains(':', StringComparison.Ordinal))
        {
            return new ParameterAxis(name, ParseRange(spec, Fail), name + "=" + spec);
        }

        var items = spec.Split(',');
        var values = new List<ParameterValue>(items.Length);
        var seen = new HashSet<ParameterValue>();
        bool? numeric = null;
        for (int i = 0; i < items.Length; i++)
        {
            string item = items[i].Trim();
            if (item.Length == 0)
            {
                throw Fail(items.Length == 1 ? $"no value after '='; {ExpectedForms}" : $"empty value at position {i + 1} of the list");
            }

            ParameterValue value;
            if (TryParseNumber(item, out decimal number))
            {
                value = ParameterValue.Of(number);
            }
            else if (IsName(item))
            {
                value = ParameterValue.Of(item);
            }
            else
            {
                throw Fail($"'{item}' is neither a number nor a name (a letter, then letters, digits, '_', '-' or '.')");
            }

            if (numeric is bool n && n != value.IsNumber)
            {
                throw Fail("the list mixes numbers and names; a list holds one kind");
            }

            numeric = value.IsNumber;
            if (!seen.Add(value))
            {
                throw Fail($"value {item} appears more than once");
            }

            values.Add(value);
        }

        return new ParameterAxis(name, values, name + "=" + spec);
    }

    private static ParameterValue[] ParseRange(string spec, Func<string, InputException> fail)
    {
        var parts = spec.Split(':');
        if (parts.Length != 3)
        {
            throw fail(string.Create(CultureInfo.InvariantCulture, $"a range needs start:stop:step, got {parts.Length} parts"));
        }

        decimal Part(int i, string what)
        {
            string p = parts[i].Trim();
            if (p.Length == 0)
            {
                throw fail($"the range has no {what}; expected start:stop:step");
            }

            return TryParseNumber(p, out decimal d) ? d : throw fail($"{what} '{p}' is not a number");
        }

        decimal start = Part(0, "start");
        decimal stop = Part(1, "stop");
        decimal step = Part(2, "step");
        if (step <= 0)
        {
            throw fail($"step must be positive, got {ParameterValue.FormatNumber(step)}");
        }

        if (start > stop)
        {
            throw fail($"start {ParameterValue.FormatNumber(start)} is greater than stop {ParameterValue.FormatNumber(stop)}");
        }

        // Number of steps that fit; decimal division can round a quotient like 2.99…9 up, so check both edges.
        decimal quotient = decimal.Floor((stop - start) / step);
        if (quotient >= MaxValuesPerAxis)
        {
            throw fail(string.Create(CultureInfo.InvariantCulture, $"the range has more than {MaxValuesPerAxis:N0} values, the most one parameter may take"));
        }

        long steps = (long)quotient;
        while (steps > 0 && start + (steps * step) > stop)
        {
            steps--;
        }

        while (start + ((steps + 1) * step) <= stop)
        {
            steps++;
        }

        var values = new ParameterValue[steps + 1];
        for (long i = 0; i <= steps; i++)
        {
            values[i] = ParameterValue.Of(start + (i * step));
        }

        return values;
    }

    /// <summary>Invariant decimal: optional sign, digits, optional fraction; no exponent or separators.</summary>
    internal static bool TryParseNumber(string text, out decimal value)
    {
        value = 0;
        if (text.Length == 0)
        {
            return false;
        }

        int i = text[0] is '+' or '-' ? 1 : 0;
        bool digit = false;
        bool point = false;
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsAsciiDigit(c))
            {
                digit = true;
            }
            else if (c == '.' && !point)
            {
                point = true;
            }
            else
            {
                return false;
            }
        }

        return digit && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A letter, then letters, digits, '_', '-' or '.'.</summary>
    internal static bool IsName(string text)
    {
        if (text.Length == 0 || !char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
