using System.Text;

namespace AlphaTrade.Optimization.Parameters;

/// <summary>
/// One configuration of a sweep: a value for every parameter of the grid, in the grid's parameter order, and the
/// configuration's position in the sweep. Immutable; equality compares names and values (not the index).
/// </summary>
public sealed class ParameterSet : IEquatable<ParameterSet>
{
    private readonly string[] _names;
    private readonly ParameterValue[] _values;

    /// <summary>Creates a configuration.</summary>
    /// <param name="index">Position in the sweep (0-based).</param>
    /// <param name="names">Parameter names, distinct.</param>
    /// <param name="values">One value per name.</param>
    public ParameterSet(int index, IReadOnlyList<string> names, IReadOnlyList<ParameterValue> values)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (names.Count != values.Count)
        {
            throw new ArgumentException($"{names.Count} names but {values.Count} values.", nameof(values));
        }

        _names = names as string[] ?? names.ToArray();
        _values = values.ToArray();
        Index = index;
    }

    /// <summary>Position of the configuration in the sweep (0-based).</summary>
    public int Index { get; }

    /// <summary>Number of parameters.</summary>
    public int Count => _values.Length;

    /// <summary>Parameter names in grid order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Values in grid order.</summary>
    public IReadOnlyList<ParameterValue> Values => _values;

    /// <summary>The value of the parameter at <paramref name="position"/>.</summary>
    public ParameterValue this[int position] => _values[position];

    /// <summary>The value of parameter <paramref name="name"/>; throws <see cref="KeyNotFoundException"/> if absent.</summary>
    public ParameterValue this[string name] =>
        TryGet(name, out var v) ? v : throw new KeyNotFoundException($"No parameter '{name}' in {this}.");

    /// <summary>Looks a parameter up by name (ordinal comparison).</summary>
    public bool TryGet(string name, out ParameterValue value)
    {
        int i = Array.IndexOf(_names, name);
        value = i >= 0 ? _values[i] : default;
        return i >= 0;
    }

    /// <summary>The parameter as an integer.</summary>
    public int GetInt32(string name) => this[name].ToInt32();

    /// <summary>The parameter as a double.</summary>
    public double GetDouble(string name) => this[name].ToDouble();

    /// <summary>The parameter as an exact decimal.</summary>
    public decimal GetDecimal(string name) => this[name].Number;

    /// <summary>The parameter as text (a name, or a number's canonical text).</summary>
    public string GetText(string name) => this[name].ToString();

    /// <summary>The same values at another sweep position.</summary>
    public ParameterSet WithIndex(int index) => new(index, _names, _values);

    /// <summary><c>fast=5 slow=20</c>: canonical invariant text.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < _values.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            sb.Append(_names[i]).Append('=').Append(_values[i].ToString());
        }

        return sb.ToString();
    }

    /// <inheritdoc />
    public bool Equals(ParameterSet? other) =>
        other is not null && _names.AsSpan().SequenceEqual(other._names) && _values.AsSpan().SequenceEqual(other._values);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ParameterSet);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = default(HashCode);
        for (int i = 0; i < _values.Length; i++)
        {
            h.Add(_names[i], StringComparer.Ordinal);
            h.Add(_values[i]);
        }

        return h.ToHashCode();
    }
}
