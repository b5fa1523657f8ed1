using System.Reflection;

namespace CustomerRetention.TestKit;

/// <summary>The C# compiler's documentation IDs ("T:", "M:", "P:", "F:", "E:") of reflected members.</summary>
public static class DocId
{
    /// <summary>The documentation ID of <paramref name="member"/>.</summary>
    public static string Of(MemberInfo member) => member switch
    {
        Type t => "T:" + TypeName(t),
        ConstructorInfo c => "M:" + TypeName(c.DeclaringType!) + ".#ctor" + Parameters(c.GetParameters()),
        MethodInfo m => "M:" + TypeName(m.DeclaringType!) + "." + m.Name
            + (m.IsGenericMethod ? "``" + m.GetGenericArguments().Length : string.Empty)
            + Parameters(m.GetParameters())
            + (m.Name is "op_Implicit" or "op_Explicit" ? "~" + ParameterType(m.ReturnType) : string.Empty),
        PropertyInfo p => "P:" + TypeName(p.DeclaringType!) + "." + p.Name
            + (p.GetIndexParameters().Length > 0 ? Parameters(p.GetIndexParameters()) : string.Empty),
        FieldInfo f => "F:" + TypeName(f.DeclaringType!) + "." + f.Name,
        EventInfo e => "E:" + TypeName(e.DeclaringType!) + "." + e.Name,
        _ => throw new ArgumentOutOfRangeException(nameof(member), member, "Unsupported member kind."),
    };

    /// <summary>A type's name as documentation IDs write it for the type itself (with `N for generic arity).</summary>
    public static string TypeName(Type type) =>
        type.IsNested ? TypeName(type.DeclaringType!) + "." + type.Name : (type.Namespace is null ? type.Name : type.Namespace + "." + type.Name);

    private static string Parameters(ParameterInfo[] parameters) =>
        parameters.Length == 0 ? string.Empty : "(" + string.Join(",", parameters.Select(p => ParameterType(p.ParameterType))) + ")";

    private static string ParameterType(Type type)
    {
        if (type.IsGenericParameter)
        {
            return (type.DeclaringMethod is null ? "`" : "``") + type.GenericParameterPosition;
        }

        if (type.IsByRef)
        {
            return ParameterType(type.GetElementType()!) + "@";
        }

        if (type.IsPointer)
        {
            return ParameterType(type.GetElementType()!) + "*";
        }

        if (type.IsArray)
        {
            int rank = type.GetArrayRank();
            string dims = rank == 1 ? "[]" : "[" + string.Join(",", Enumerable.Repeat("0:", rank)) + "]";
            return ParameterType(type.GetElementType()!) + dims;
        }

        if (type.IsGenericType)
        {
            Type definition = type.GetGenericTypeDefinition();
            string name = definition.Name;
            int tick = name.IndexOf('`');
            if (tick >= 0)
            {
                name = name.Substring(0, tick);
            }

            string prefix = definition.IsNested ? TypeName(definition.DeclaringType!) + "." : (definition.Namespace is null ? string.Empty : definition.Namespace + ".");
            return prefix + name + "{" + string.Join(",", type.GetGenericArguments().Select(ParameterType)) + "}";
        }

        return type.IsNested ? TypeName(type.DeclaringType!) + "." + type.Name : type.FullName ?? type.Name;
    }
}
