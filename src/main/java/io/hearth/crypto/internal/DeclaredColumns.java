package io.hearth.crypto.internal;

import io.hearth.crypto.EncryptedColumn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Every {@link EncryptedColumn} the application declares: the {@code static final} constants beside the entity fields
 * they protect, found by scanning the application's own classes. Key rotation reaches each of them, so a new
 * encrypted column cannot be forgotten the way a hand-written registration can (four were, until this scan).
 *
 * <p>Only classes from the same place as the application's own code count (the folder or jar that holds this
 * class): tests declare columns of scratch tables that a running portal does not have, and they register those
 * as {@link io.hearth.crypto.ReencryptionTarget} beans of their own. Classes are loaded without being initialised
 * until they turn out to declare a column.
 */
final class DeclaredColumns {

    private static final Comparator<EncryptedColumn> ORDER = Comparator.comparing(EncryptedColumn::table).thenComparing(EncryptedColumn::column);

    private DeclaredColumns() {
    }

    static Set<EncryptedColumn> in(Collection<String> basePackages) {
        String ownRoot = rootOf(EncryptedColumn.class);
        Scanner scanner = new Scanner();
        Set<EncryptedColumn> columns = new TreeSet<>(ORDER);
        for (String basePackage : basePackages) {
            for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
                if (candidate instanceof AnnotatedBeanDefinition annotated && fromRoot(annotated, ownRoot)) {
                    columns.addAll(declaredBy(load(candidate.getBeanClassName())));
                }
            }
        }
        return columns;
    }

    private static Set<EncryptedColumn> declaredBy(Class<?> type) {
        Set<EncryptedColumn> columns = new TreeSet<>(ORDER);
        for (Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (field.getType() == EncryptedColumn.class && Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers)) {
                ReflectionUtils.makeAccessible(field);
                columns.add((EncryptedColumn) ReflectionUtils.getField(field, null));
            }
        }
        return columns;
    }

    private static boolean fromRoot(AnnotatedBeanDefinition candidate, String root) {
        try {
            return candidate instanceof org.springframework.context.annotation.ScannedGenericBeanDefinition scanned
                    && scanned.getResource() != null && scanned.getResource().getURL().toString().startsWith(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder or jar entry prefix a class was loaded from, e.g. {@code file:/app/target/classes/}. */
    static String rootOf(Class<?> type) {
        String resource = ClassUtils.convertClassNameToResourcePath(type.getName()) + ClassUtils.CLASS_FILE_SUFFIX;
        String url = String.valueOf(type.getClassLoader().getResource(resource));
        return url.substring(0, url.length() - resource.length());
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, DeclaredColumns.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("A scanned class could not be loaded: " + name, e);
        }
    }

    /** Every class counts, not only Spring components: abstract ones, nested ones and interfaces may declare columns. */
    private static final class Scanner extends ClassPathScanningCandidateComponentProvider {

        Scanner() {
            super(false);
            addIncludeFilter((reader, factory) -> true);
        }

        @Override
        protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
            return true;
        }
    }
}
