namespace CustomerRetention;

/// <summary>
/// Marks a type that is mutable on purpose (an accumulator, a builder, a state machine), so that
/// the public-surface test, which otherwise requires public types to be immutable, lets it through.
/// Recognised by name; each assembly has its own internal copy.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
internal sealed class MutableByDesignAttribute : Attribute
{
}
