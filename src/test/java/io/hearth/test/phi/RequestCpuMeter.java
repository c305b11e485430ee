package io.hearth.test.phi;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Test profile only, for the benchmarks: the CPU time each request spends on its own thread (all filters, the
 * handler, the template; not the database server, not TLS), summed per method and path ("GET /my/results").
 */
@Component
@Profile("phi-driver")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestCpuMeter extends OncePerRequestFilter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<String, LongAdder[]> byPath = new ConcurrentHashMap<>();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = THREADS.getCurrentThreadCpuTime();
        long[] stamps = new long[5];
        stamps[0] = started;
        request.setAttribute(STAMPS, stamps);
        try {
            chain.doFilter(request, response);
        } finally {
            long ended = THREADS.getCurrentThreadCpuTime();
            stamps[4] = ended;
            LongAdder[] sums = byPath.computeIfAbsent(request.getMethod() + " " + request.getRequestURI(),
                    path -> new LongAdder[] { new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder() });
            sums[0].add(ended - started);
            sums[1].increment();
            if (stamps[1] > 0 && stamps[2] > 0 && stamps[3] > 0) {
                for (int segment = 0; segment < 4; segment++) {
                    sums[2 + segment].add(stamps[segment + 1] - stamps[segment]);
                }
            }
        }
    }

    private static final String STAMPS = RequestCpuMeter.class.getName() + ".stamps";

    /** Marks a point of the request: 1 the handler starts, 2 the handler returned, 3 the page is drawn. */
    static void stamp(HttpServletRequest request, int point) {
        if (request.getAttribute(STAMPS) instanceof long[] stamps) {
            stamps[point] = THREADS.getCurrentThreadCpuTime();
        }
    }

    /** Mean CPU milliseconds per request to this path in: filters before the handler, handler, template, filters after. */
    public double[] takeSegments(String path) {
        LongAdder[] sums = byPath.get(path);
        double[] means = new double[4];
        for (int segment = 0; sums != null && segment < 4 && sums[1].sum() > 0; segment++) {
            means[segment] = sums[2 + segment].sum() / 1e6 / sums[1].sum();
        }
        return means;
    }

    /** Mean CPU milliseconds per request to this path since the last reset, and resets it. */
    public double takeMeanMillis(String path) {
        LongAdder[] sums = byPath.remove(path);
        return sums == null || sums[1].sum() == 0 ? Double.NaN : sums[0].sum() / 1e6 / sums[1].sum();
    }
}
