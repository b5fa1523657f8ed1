using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Linq;

namespace CustomerRetention.TestKit;

/// <summary>
/// Checks over the public surface of a library that keep it honest as it grows:
/// null arguments are rejected with the right parameter name, public types are immutable,
/// every public member is documented. Each check returns the violations as readable lines.
/// </summary>
public static class PublicSurface
{
    /// <summary>The shipped libraries, by assembly name.</summary>
    public static readonly IReadOnlyList<string> LibraryNames =
    [
        "CustomerRetention.Core",
        "CustomerRetention.Csv",
        "CustomerRetention.Rfm",
        "CustomerRetention.Churn",
        "CustomerRetention.Probabilistic",
        "CustomerRetention.Satisfaction",
        "CustomerRetention.Relationships",
        "CustomerRetention.Json",
        "CustomerRetention.Health",
        "CustomerRetention.Data",
    ];

    private const BindingFlags DeclaredPublic = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>The public types of <paramref name="assembly"/>, nested ones included.</summary>
    public static IReadOnlyList<Type> PublicTypes(Assembly assembly) =>
        assembly.GetTypes().Where(t => t.IsVisible).OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Calls every public constructor and method (static, and instance where an instance can be
    /// made) once per non-nullable reference parameter, with null there and sample values elsewhere,
    /// and reports each call that does not throw <see cref="ArgumentNullException"/> naming that parameter.
    /// Members taking a span are skipped: reflection cannot pass one (write a test by hand if such a
    /// member also takes a reference parameter).
    /// </summary>
    public static IReadOnlyList<string> NullArgumentViolations(Assembly assembly)
    {
        var violations = new List<string>();
        var nullability = new NullabilityInfoContext();
        foreach (Type type in PublicTypes(assembly))
        {
            if (type.ContainsGenericParameters || typeof(Delegate).IsAssignableFrom(type))
            {
                continue;
            }

            object? instance = null;
            bool hasInstance = !type.IsAbstract && SampleValues.TryCreate(type, out instance);
            IEnumerable<MethodBase> members = type.GetConstructors()
                .Cast<MethodBase>()
                .Concat(type.GetMethods(DeclaredPublic).Where(m => !m.IsSpecialName || m.Name.StartsWith("op_", StringComparison.Ordinal)));
            foreach (MethodBase member in members)
            {
                if (member.IsGenericMethodDefinition || member.IsDefined(typeof(CompilerGeneratedAttribute)) || IsObjectOverride(member)
                    || member.GetParameters().Any(p => IsByRefLike(p.ParameterType)))
                {
                    continue;
                }

                if (!member.IsStatic && member is MethodInfo && !hasInstance)
                {
                    continue;
                }

                CheckNullArguments(member, member.IsStatic || member is ConstructorInfo ? null : instance, nullability, violations);
            }
        }

        return violations;
    }

    /// <summary>
    /// Reports public settable properties (other than init-only) and public mutable fields on
    /// public types not marked <c>[MutableByDesign]</c>.
    /// </summary>
    public static IReadOnlyList<string> MutabilityViolations(Assembly assembly)
    {
        var violations = new List<string>();
        foreach (Type type in PublicTypes(assembly))
        {
            if (type.IsInterface || type.IsEnum || typeof(Delegate).IsAssignableFrom(type)
                || type.GetCustomAttributes().Any(a => a.GetType().Name == "MutableByDesignAttribute"))
            {
                continue;
            }

            foreach (PropertyInfo property in type.GetProperties(DeclaredPublic))
            {
                MethodInfo? setter = property.GetSetMethod();
                if (setter is not null && !IsInitOnly(setter))
                {
                    violations.Add($"{type.FullName}.{property.Name} has a public setter");
                }
            }

            foreach (FieldInfo field in type.GetFields(DeclaredPublic))
            {
                if (!field.IsInitOnly && !field.IsLiteral)
                {
                    violations.Add($"{type.FullName}.{field.Name} is a public mutable field");
                }
            }
        }

        return violations;
    }

    /// <summary>Reports public types and members that have no non-empty summary in the assembly's XML documentation.</summary>
    public static IReadOnlyList<string> UndocumentedMembers(Assembly assembly)
    {
        string xmlPath = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(xmlPath))
        {
            return [$"{assembly.GetName().Name}: no XML documentation file at {xmlPath}"];
        }

        var docs = XDocument.Load(xmlPath).Descendants("member")
            .ToDictionary(m => (string)m.Attribute("name")!, m => m, StringComparer.Ordinal);
        var violations = new List<string>();
        foreach (Type type in PublicTypes(assembly))
        {
            Require(docs, "T:" + DocId.TypeName(type), violations);
            foreach (MemberInfo member in DocumentableMembers(type))
            {
                string id = DocId.Of(member);
                if (member is PropertyInfo property && !docs.ContainsKey(id) && IsDocumentedRecordParameter(docs, type, property.Name))
                {
                    continue; // a positional record property is documented by the record's <param>
                }

                Require(docs, id, violations);
            }
        }

        return violations;
    }

    private static IEnumerable<MemberInfo> DocumentableMembers(Type type)
    {
        if (typeof(Delegate).IsAssignableFrom(type))
        {
            yield break;
        }

        foreach (MemberInfo member in type.GetMembers(DeclaredPublic | BindingFlags.NonPublic))
        {
            bool visible = member switch
            {
                ConstructorInfo c => (c.IsPublic || c.IsFamily || c.IsFamilyOrAssembly) && !c.IsStatic,
                MethodInfo m => (m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly) && (!m.IsSpecialName || m.Name.StartsWith("op_", StringComparison.Ordinal)),
                PropertyInfo p => (p.GetMethod ?? p.SetMethod) is { } a && (a.IsPublic || a.IsFamily || a.IsFamilyOrAssembly),
                FieldInfo f => (f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly) && !f.IsSpecialName,
                EventInfo e => e.AddMethod is { } add && (add.IsPublic || add.IsFamily),
                _ => false,
            };
            if (!visible || member.IsDefined(typeof(CompilerGeneratedAttribute)) || IsCompilerGeneratedRecordMember(member))
            {
                continue;
            }

            // The implicit parameterless constructor of a struct or class has no source to document.
            if (member is ConstructorInfo { } ctor && ctor.GetParameters().Length == 0 && IsImplicitConstructor(type))
            {
                continue;
            }

            yield return member;
        }
    }

    private static bool IsImplicitConstructor(Type type) =>
        type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).Length == 1 && !type.IsValueType;

    private static bool IsCompilerGeneratedRecordMember(MemberInfo member)
    {
        // Records synthesise Equals, GetHashCode, ToString, PrintMembers, Deconstruct, ==, != and
        // EqualityContract; the compiler does not ask for their docs, and neither do we.
        Type? type = member.DeclaringType;
        bool isRecord = type?.GetMethod("<Clone>$") is not null
            || (type is { IsValueType: true } && type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null);
        if (!isRecord)
        {
            return false;
        }

        return member.Name is "Equals" or "GetHashCode" or "ToString" or "PrintMembers" or "Deconstruct"
            or "op_Equality" or "op_Inequality" or "EqualityContract"
            || (member is ConstructorInfo c && c.GetParameters() is [{ } only] && only.ParameterType == type);
    }

    private static bool IsDocumentedRecordParameter(Dictionary<string, XElement> docs, Type type, string name) =>
        type.GetConstructors().Any(c =>
            docs.TryGetValue(DocId.Of(c), out XElement? ctorDoc)
            && ctorDoc.Elements("param").Any(p => (string?)p.Attribute("name") == name && !string.IsNullOrWhiteSpace(p.Value)))
        || (docs.TryGetValue("T:" + DocId.TypeName(type), out XElement? typeDoc)
            && typeDoc.Elements("param").Any(p => (string?)p.Attribute("name") == name && !string.IsNullOrWhiteSpace(p.Value)));

    private static void Require(Dictionary<string, XElement> docs, string id, List<string> violations)
    {
        if (!docs.TryGetValue(id, out XElement? doc))
        {
            violations.Add($"{id}: no XML documentation");
            return;
        }

        bool hasText = doc.Element("summary") is { } summary && !string.IsNullOrWhiteSpace(summary.Value);
        bool inherits = doc.Element("inheritdoc") is not null;
        if (!hasText && !inherits)
        {
            violations.Add($"{id}: empty summary");
        }
    }

    private static void CheckNullArguments(MethodBase member, object? instance, NullabilityInfoContext nullability, List<string> violations)
    {
        ParameterInfo[] parameters = member.GetParameters();
        for (int i = 0; i < parameters.Length; i++)
        {
            ParameterInfo parameter = parameters[i];
            Type parameterType = parameter.ParameterType;
            if (parameterType.IsValueType || parameter.IsOut || parameterType.IsByRef || parameterType.IsPointer
                || nullability.Create(parameter).WriteState != NullabilityState.NotNull)
            {
                continue;
            }

            var args = new object?[parameters.Length];
            for (int j = 0; j < parameters.Length; j++)
            {
                if (j != i)
                {
                    SampleValues.TryCreate(parameters[j].ParameterType, out args[j]);
                }
            }

            string where = $"{member.DeclaringType!.FullName}.{member.Name}({string.Join(", ", parameters.Select(p => p.ParameterType.Name + " " + p.Name))}) parameter '{parameter.Name}'";
            try
            {
                if (member is ConstructorInfo constructor)
                {
                    constructor.Invoke(args);
                }
                else
                {
                    object? result = member.Invoke(instance, args);
                    (result as IDisposable)?.Dispose();
                }

                violations.Add($"{where}: accepted null");
            }
            catch (TargetInvocationException e) when (e.InnerException is ArgumentNullException ane)
            {
                if (ane.ParamName != parameter.Name)
                {
                    violations.Add($"{where}: ArgumentNullException names '{ane.ParamName}'");
                }
            }
            catch (TargetInvocationException e)
            {
                violations.Add($"{where}: threw {e.InnerException?.GetType().Name} instead of ArgumentNullException ({e.InnerException?.Message})");
            }
        }
    }

    // A span (or ref to one) cannot be boxed, so such members cannot be invoked by reflection;
    // their span parameters cannot be null anyway.
    private static bool IsByRefLike(Type type) => type.IsByRefLike || (type.IsByRef && type.GetElementType()!.IsByRefLike);

    private static bool IsObjectOverride(MethodBase member) =>
        member.Name is "Equals" or "GetHashCode" or "ToString" && member is MethodInfo m && m.GetBaseDefinition().DeclaringType == typeof(object);

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");
}
