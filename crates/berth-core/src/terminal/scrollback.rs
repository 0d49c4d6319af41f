//! The last bytes of a terminal's output, for a view that reattaches.

use std::collections::VecDeque;

/// A byte ring that keeps the most recent `capacity` bytes.
pub(super) struct Scrollback {
    bytes: VecDeque<u8>,
    capacity: usize,
}

impl Scrollback {
    pub(super) fn new(capacity: usize) -> Scrollback {
        Scrollback {
            bytes: VecDeque::new(),
            capacity,
        }
    }

    pub(super) fn push(&mut self, chunk: &[u8]) {
        let chunk = &chunk[chunk.len().saturating_sub(self.capacity)..];
        let overflow = (self.bytes.len() + chunk.len()).saturating_sub(self.capacity);
        self.bytes.drain(..overflow);
        self.bytes.extend(chunk);
    }

    pub(super) fn to_vec(&self) -> Vec<u8> {
        let (a, b) = self.bytes.as_slices();
        [a, b].concat()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_most_recent_bytes() {
        let mut ring = Scrollback::new(5);
        ring.push(b"abc");
        assert_eq!(ring.to_vec(), b"abc");
        ring.push(b"def");
        assert_eq!(ring.to_vec(), b"bcdef");
        ring.push(b"0123456789");
        assert_eq!(ring.to_vec(), b"56789");
        ring.push(b"");
        assert_eq!(ring.to_vec(), b"56789");
    }
}
